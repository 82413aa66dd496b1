// Diagnosis of an install's output: the installer's own rules (network, index, disk, self-test) and the
// launch rules that also explain a venv that does not load (undefined symbol, driver too old), ranked
// together by rule priority.
import {
  createDiagnosisScanner,
  DIAGNOSIS_RULES,
  type Diagnosis,
  type DiagnosisScanner,
} from '@/lib/diagnosis';

const PRIORITY = new Map(DIAGNOSIS_RULES.map((rule) => [rule.id, rule.priority]));

function rank(diagnosis: Diagnosis | null): number {
  if (!diagnosis || diagnosis.category === 'unknown') return -1;
  return PRIORITY.get(diagnosis.ruleId) ?? 0;
}

export function createInstallScanner(): DiagnosisScanner {
  const scanners = [
    createDiagnosisScanner({ phase: 'install', engine: 'vllm' }),
    createDiagnosisScanner({ phase: 'launch', engine: 'vllm' }),
  ];
  return {
    push(text, seq) {
      for (const scanner of scanners) scanner.push(text, seq);
    },
    result() {
      const results = scanners.map((scanner) => scanner.result());
      const best = results.reduce((a, b) => (rank(b) > rank(a) ? b : a), null as Diagnosis | null);
      return best && rank(best) >= 0 ? best : (results.find(Boolean) ?? null);
    },
  };
}

export function diagnoseInstall(lines: readonly string[]): Diagnosis | null {
  const scanner = createInstallScanner();
  for (const line of lines) scanner.push(line);
  return scanner.result();
}

/** Categories that mean a step's downloads failed even when the step exited 0 (pip after its retries). */
export const DOWNLOAD_FAILURES: ReadonlySet<string> = new Set(['no_network', 'proxy_or_certificate']);
