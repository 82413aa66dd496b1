// How a log line is shown in a narrow column: the "short" form drops what repeats on every line — the
// process prefix vLLM adds (`(EngineCore_DP0 pid=7) `, `(VllmWorker rank=0 pid=9) `, a compose `svc | `) and
// the date of its log head — and keeps the level, the source file and the message. Copy all and the
// download keep the full text. Pure.
import { PROCESS_PREFIX } from './log-level';

const VLLM_HEAD_DATE = /^(DEBUG|INFO|WARNING|ERROR|CRITICAL) \d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? /;

export function shortLine(text: string): string {
  const rest = text.replace(PROCESS_PREFIX, '');
  return rest.replace(VLLM_HEAD_DATE, '$1 ');
}
