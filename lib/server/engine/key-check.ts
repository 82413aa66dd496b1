import 'server-only';
// Once an engine is ready, the app asks it once without its key. An engine that answers anyway did not get
// the key (a wrong variable name, a flag it ignores): anyone who can reach the port can use it. Saying so
// beats finding out later; llama.cpp's LLAMA_ARG_API_KEY slip went unnoticed exactly this way.
import type { Diagnosis } from '@/lib/diagnosis';
import { probeLedger } from './probe-ledger';

const TIMEOUT_MS = 5000;

export interface KeyCheck {
  warning: string;
  diagnosis: Diagnosis;
}

/** null when the engine refuses a request without the key (or cannot be asked); else what to tell the user. */
export async function checkKeyEnforced(baseUrl: string, envOrFlag: string): Promise<KeyCheck | null> {
  const url = `${baseUrl}/v1/models`;
  let status: number;
  // The app's own request: its access line is a probe's, hidden in the panel like the health checks.
  const unanswered = probeLedger.expect(url);
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), cache: 'no-store' });
    status = res.status;
    await res.body?.cancel();
  } catch {
    unanswered();
    return null;
  }
  if (status < 200 || status > 299) return null;
  const line = `GET /v1/models without a key answered ${status}`;
  return {
    warning: 'The engine accepts requests without its key: anyone who can reach its port can use it.',
    diagnosis: {
      ruleId: 'engine_accepts_without_key',
      category: 'unknown',
      phase: 'launch',
      severity: 'warning',
      title: 'The engine accepts requests without its key',
      explanation: `The app gave the engine a key through ${envOrFlag}, but ${line}: this engine does not read its key from there.`,
      fix: 'Stop the engine. Check which variable or flag this engine version reads its API key from, and report it; until then keep the port unreachable from outside.',
      line: { index: 0, text: line },
    },
  };
}
