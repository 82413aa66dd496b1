import { describe, expect, it } from 'vitest';
import { firstExceptionLine } from './exception-line';

describe('firstExceptionLine', () => {
  it('names the root exception, not the engine-core wrapper that follows it', () => {
    const log = [
      '(APIServer pid=1) INFO 11-27 10:00:00 [api_server.py:1] vLLM API server version 0.11.2',
      '(EngineCore_DP0 pid=2) Traceback (most recent call last):',
      '(EngineCore_DP0 pid=2)   File "x.py", line 1, in <module>',
      '(EngineCore_DP0 pid=2) torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.',
      '(EngineCore_DP0 pid=2) ERROR 11-27 10:00:05 [core.py:700] EngineCore failed to start.',
      '(APIServer pid=1) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
    ];
    expect(firstExceptionLine(log)).toBe(
      'torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.',
    );
  });

  it('falls back to the wrapper when nothing else is known', () => {
    const log = ['RuntimeError: Engine core initialization failed. See root cause above.'];
    expect(firstExceptionLine(log)).toMatch(/^RuntimeError: Engine core initialization failed/);
  });

  it('returns null for a healthy log', () => {
    expect(firstExceptionLine(['INFO: Application startup complete.', 'WARNING something odd'])).toBeNull();
  });
});
