import { describe, expect, it } from 'vitest';
import { shortLine } from './log-display';

describe('shortLine', () => {
  it.each([
    [
      '(APIServer pid=26062) INFO 11-27 14:22:42 [api_server.py:1830] Starting vLLM API server',
      'INFO [api_server.py:1830] Starting vLLM API server',
    ],
    [
      '(EngineCore_DP0 pid=7) ERROR 08-14 16:17:00 [core.py:700] EngineCore failed',
      'ERROR [core.py:700] EngineCore failed',
    ],
    ['(VllmWorker rank=1 pid=9) WARNING 08-14 16:17:00.123 [x.py:1] w', 'WARNING [x.py:1] w'],
    ['vllm-1  | INFO 08-14 16:17:00 [x.py:1] hi', 'INFO [x.py:1] hi'],
    [
      '(APIServer pid=26557)   File "/usr/lib/python3.12/x.py", line 3',
      '  File "/usr/lib/python3.12/x.py", line 3',
    ],
    [
      'Loading safetensors checkpoint shards: 100% Completed | 4/4',
      'Loading safetensors checkpoint shards: 100% Completed | 4/4',
    ],
    [
      'INFO:     127.0.0.1:5000 - "GET /health HTTP/1.1" 200 OK',
      'INFO:     127.0.0.1:5000 - "GET /health HTTP/1.1" 200 OK',
    ],
  ])('%s', (text, short) => {
    expect(shortLine(text)).toBe(short);
  });
});
