import { describe, expect, it } from 'vitest';
import { classifyLine, toClientLine } from './log-level';

describe('classifyLine', () => {
  it.each([
    ['INFO 01-15 10:00:00 [api_server.py:1] Starting vLLM API server', 'info'],
    ['(APIServer pid=42) INFO 08-14 16:17:00 [launcher.py:28] Route: /health', 'info'],
    ['(EngineCore_DP0 pid=7) ERROR 08-14 16:17:00 [core.py:700] EngineCore failed to start.', 'error'],
    ['(VllmWorker rank=0 pid=9) WARNING 08-14 16:17:00 [utils.py:1] Using default MoE config', 'warning'],
    ['vllm-1  | ERROR 08-14 16:17:00 [serving_chat.py:222] Error in preprocessing', 'error'],
    ['ERROR:    [Errno 98] error while attempting to bind on address', 'error'],
    ['CRITICAL 01-01 00:00:00 engine died', 'error'],
    ['Traceback (most recent call last):', 'error'],
    ['torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB', 'error'],
    ['RuntimeError: Engine core initialization failed. See root cause above.', 'error'],
    ['ValueError', 'error'],
    ['(APIServer pid=26557) RuntimeError: Engine core initialization failed.', 'error'],
    ['(APIServer pid=26557) Traceback (most recent call last):', 'error'],
    ['(VllmWorker rank=0 pid=9) UserWarning: TypedStorage is deprecated', 'warning'],
    ['/usr/lib/python3/site.py:1: FutureWarning: `resume_download` is deprecated', 'warning'],
    ['FutureWarning: `resume_download` is deprecated', 'warning'],
    ['  warnings.warn(', 'warning'],
    ['  File "/usr/lib/python3.12/site-packages/vllm/engine.py", line 10, in <module>', 'info'],
    ['Loading safetensors checkpoint shards:  43% Completed | 3/7 [00:01<00:02]', 'info'],
    // The level word decides, not words later in the line.
    ['INFO 01-15 10:00:00 [x.py:1] No ValueError: all good', 'info'],
    ['', 'info'],
  ])('%s → %s', (text, level) => {
    expect(classifyLine(text)).toBe(level);
  });

  it('keeps the line fields and adds the level', () => {
    const line = toClientLine({ seq: 3, ts: 10, stream: 'stderr', text: 'WARNING x' });
    expect(line).toEqual({ seq: 3, ts: 10, stream: 'stderr', text: 'WARNING x', level: 'warning' });
  });
});
