// How a log line is shown in a narrow column: the "short" form drops what repeats on every line — the
// process prefix vLLM adds (`(EngineCore_DP0 pid=7) `, `(VllmWorker rank=0 pid=9) `, a compose `svc | `) and
// the date of its log head — and keeps the level, the source file and the message. Copy all and the
// download keep the full text. Pure.
import { dropHeadDate, stripProcessPrefix } from '@/lib/engine/vllm-log';

export function shortLine(text: string): string {
  return dropHeadDate(stripProcessPrefix(text));
}
