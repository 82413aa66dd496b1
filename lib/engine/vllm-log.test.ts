import { describe, expect, it } from 'vitest';
import { cleanLine, isWrapperError, parseLogHead, stripProcessPrefix } from './vllm-log';

describe('cleanLine', () => {
  it.each([
    [
      '(APIServer pid=85301) INFO 09-26 05:49:46 [api_server.py:1896] vLLM API server version 0.10.2',
      'vLLM API server version 0.10.2',
    ],
    ['(EngineCore_DP0 pid=494) ValueError: boom', 'ValueError: boom'],
    ['(EngineCore pid=32982) [rank0]:W0802 warn', 'W0802 warn'],
    [
      '(VllmWorker rank=1 pid=97) ERROR 03-20 23:26:06 [multiproc_executor.py:375] Error while creating',
      'Error while creating',
    ],
    ['(Worker_TP0 pid=300) ERROR 06-13 20:05:55 [fa_utils.py:171] Cannot use FA', 'Cannot use FA'],
    [
      '(RayWorkerWrapper pid=1054, ip=10.96.62.52) ERROR 01-02 02:39:17 worker_base.py:467] torch.OutOfMemoryError: x',
      'torch.OutOfMemoryError: x',
    ],
    ['(PatchedvLLMServer pid=1782948) ERROR 08-14 16:17:00 [serving_chat.py:222] Traceback', 'Traceback'],
    [
      'vllm-1  | (EngineCore_DP0 pid=1) ERROR 09-01 10:00:00 [core.py:708] RuntimeError: x',
      'RuntimeError: x',
    ],
    [
      '\x1b[1;36m(APIServer pid=155)\x1b[0;0m INFO:     Application startup complete.',
      'Application startup complete.',
    ],
    [
      '[1;36m(APIServer pid=155)[0;0m INFO:     Application startup complete.',
      'Application startup complete.',
    ],
    ['ERROR:    [Errno 98] error while attempting to bind', '[Errno 98] error while attempting to bind'],
    ['>   | [2024-09-05T00:38:34Z] ERROR:    [Errno 98] x', '[Errno 98] x'],
    ['2024-02-08T08:40:56.162202300Z EOFError: EOF when reading a line', 'EOFError: EOF when reading a line'],
    [
      '2025-08-13 04:39:39,837 - __main__ - INFO - ERROR 08-13 04:39:39 engine.py:400] CUDA error: x',
      'CUDA error: x',
    ],
    ['ERROR 2025-07-21 14:34:24.934 async_trtllm_engine_factory.py:62] Bfloat16 is only', 'Bfloat16 is only'],
    [
      '(Worker_TP0 pid=1700) \rLoading safetensors checkpoint shards: 100%\r',
      'Loading safetensors checkpoint shards: 100%',
    ],
    ['  File "/x/vllm/core.py", line 1, in f', 'File "/x/vllm/core.py", line 1, in f'],
    ['Aug 17 18:42:18 gpu-box vllm[8052]: (APIServer pid=8052) RuntimeError: x', 'RuntimeError: x'],
    ['(ServeReplica:llm:VLLMDeployment pid=1886) ValueError: x', 'ValueError: x'],
    ['(pid=1886, ip=10.58.29.125) ValueError: x', 'ValueError: x'],
    [
      '^[[1;36m(APIServer pid=679631)^[[0;0m ERROR 08-22 21:36:14 [serving_chat.py:250] Traceback',
      'Traceback',
    ],
  ])('%s', (raw, expected) => {
    expect(cleanLine(raw)).toBe(expected);
  });

  it('leaves progress bars and plain text alone', () => {
    expect(cleanLine('LICENSE: 100%|████| 11.3k/11.3k')).toBe('LICENSE: 100%|████| 11.3k/11.3k');
    expect(cleanLine('(base) RuntimeError: x')).toBe('(base) RuntimeError: x');
  });
});

describe('the parts of a vLLM line', () => {
  it('strips the compose gutter and the process tag, keeping traceback indentation', () => {
    expect(stripProcessPrefix('vllm-1  | (EngineCore_DP0 pid=1)   File "x.py"')).toBe('  File "x.py"');
    expect(stripProcessPrefix('(RayWorkerWrapper pid=1054, ip=10.0.0.1) ValueError: x')).toBe(
      'ValueError: x',
    );
  });

  it('reads the logger head', () => {
    expect(parseLogHead('ERROR 08-14 16:17:00 [core.py:222] EngineCore failed')).toEqual({
      level: 'ERROR',
      date: '08-14 16:17:00',
      source: '[core.py:222]',
      message: 'EngineCore failed',
    });
    expect(parseLogHead('Traceback (most recent call last):')).toBeNull();
  });

  it('knows the wrapper errors of every release, and only those', () => {
    expect(isWrapperError('RuntimeError: Engine core initialization failed. See root cause above.')).toBe(
      true,
    );
    expect(
      isWrapperError('vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue.'),
    ).toBe(true);
    expect(isWrapperError('torch.OutOfMemoryError: CUDA out of memory.')).toBe(false);
  });
});
