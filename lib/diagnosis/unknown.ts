// What the diagnosis says in each engine's name: the engines a rule speaks for, the `{engine}` placeholder in
// rule texts, and the `unknown` answer for a root exception no rule recognises.
import type { Diagnosis, DiagnosisLine, DiagnosisPhase, DiagnosisRule, EngineFamily } from './types';

export const ENGINE_NAMES: Record<EngineFamily, string> = {
  vllm: 'vLLM',
  sglang: 'SGLang',
  'llama-cpp': 'llama.cpp',
};

const ISSUE_TRACKERS: Record<EngineFamily, string> = {
  vllm: 'github.com/vllm-project/vllm/issues',
  sglang: 'github.com/sgl-project/sglang/issues',
  'llama-cpp': 'github.com/ggml-org/llama.cpp/issues',
};

const VLLM_ONLY: readonly EngineFamily[] = ['vllm'];

/** The engines whose logs a rule reads; the original table speaks vLLM, so that is the default. */
export function ruleEngines(rule: DiagnosisRule): readonly EngineFamily[] {
  return rule.engines ?? VLLM_ONLY;
}

export function withEngineName(text: string, engine: EngineFamily): string {
  return text.replaceAll('{engine}', ENGINE_NAMES[engine]);
}

/** The answer for an error no rule knows: name it, say where it was raised, and what to do next. */
export function unknownDiagnosis(
  engine: EngineFamily,
  phase: DiagnosisPhase,
  root: DiagnosisLine,
  frame: string | null,
): Diagnosis {
  const name = ENGINE_NAMES[engine];
  const where = frame ? ` It was raised at ${frame}.` : '';
  return {
    ruleId: 'unknown',
    category: 'unknown',
    phase,
    severity: 'error',
    title: `${name} stopped with an error this app does not recognise`,
    explanation:
      `No known failure pattern matched. The quoted line is the first error ${name} reported (the root ` +
      `cause, above any "engine died" message that follows it).${where}`,
    fix:
      `Search for the quoted error in ${ISSUE_TRACKERS[engine]}: the fix is often there. If nothing fits, ` +
      'download the report bundle from the console and attach it to a new issue.',
    line: { ...root },
    ...(frame ? { frame } : {}),
  };
}
