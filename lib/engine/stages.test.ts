import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLine, LineAssembler } from './log-lines';
import { detectStage, nextStage, STAGE_RULES, stageRank } from './stages';
import { STAGE_NAMES, type Stage, type StageName } from './types';

interface Fixture {
  id: string;
  category: string;
  log: string;
}

const FIXTURES: Fixture[] = fs
  .readFileSync(path.resolve(__dirname, '../../tests/fixtures/real/vllm-logs.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Fixture);

function fixture(id: string): Fixture {
  const found = FIXTURES.find((f) => f.id === id);
  if (!found) throw new Error(`fixture ${id} missing`);
  return found;
}

/** The cleaned fixture line containing `needle`, as the assembler would hand it over. */
function lineOf(id: string, needle: string): string {
  const raw = fixture(id)
    .log.split('\n')
    .find((line) => line.includes(needle));
  if (raw === undefined) throw new Error(`no line with ${JSON.stringify(needle)} in ${id}`);
  return cleanLine(raw);
}

/** Runs a whole log through the assembler and the reducer; returns the distinct stages in the order reached. */
function stagesOf(log: string): StageName[] {
  const assembler = new LineAssembler();
  const seen: StageName[] = [];
  let stage: Stage | null = null;
  for (const event of [...assembler.push(Buffer.from(log)), ...assembler.end()]) {
    stage = nextStage(stage, event.text, 0);
    if (stage && stage.name !== seen.at(-1)) seen.push(stage.name);
  }
  return seen;
}

// What each healthy log really shows: success-02 is only the tail (routes + uvicorn), healthy-13 ran with
// --enforce-eager (no compile, no graphs) and a local model, healthy-14 starts at the shard bar.
const EXPECTED: Record<string, StageName[]> = {
  'success-02': ['starting API server'],
  'healthy-02': [
    'launching',
    'downloading weights',
    'loading weights',
    'allocating KV cache',
    'capturing CUDA graphs',
    'starting API server',
  ],
  'healthy-07': [
    'launching',
    'downloading weights',
    'loading weights',
    'compiling',
    'allocating KV cache',
    'capturing CUDA graphs',
    'starting API server',
  ],
  'healthy-09': [
    'launching',
    'downloading weights',
    'loading weights',
    'compiling',
    'allocating KV cache',
    'capturing CUDA graphs',
    'starting API server',
  ],
  'healthy-13': ['launching', 'loading weights', 'allocating KV cache', 'starting API server'],
  'healthy-14': [
    'loading weights',
    'compiling',
    'allocating KV cache',
    'capturing CUDA graphs',
    'starting API server',
  ],
};

describe('stages of real healthy logs', () => {
  const healthy = FIXTURES.filter((f) => f.category === 'success');

  it('has an expectation for every healthy fixture', () => {
    expect(healthy.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(healthy.map((f) => [f.id, f] as const))('%s walks the stages it shows, in order', (id, f) => {
    expect(stagesOf(f.log)).toEqual(EXPECTED[id]);
  });

  it('never moves backwards on any fixture, failing ones included', () => {
    for (const f of FIXTURES) {
      const ranks = stagesOf(f.log).map(stageRank);
      expect(ranks, f.id).toEqual([...ranks].sort((a, b) => a - b));
    }
  });
});

describe('detectStage on lines from the fixtures', () => {
  it.each([
    ['healthy-02', 'Starting to load model', 'downloading weights'],
    ['healthy-13', 'Loading model from scratch', 'loading weights'],
    ['healthy-07', 'Loading weights took', 'loading weights'],
    ['healthy-09', 'Dynamo bytecode transform', 'compiling'],
    ['healthy-07', 'torch.compile takes', 'compiling'],
    ['healthy-14', 'torch.compile took', 'compiling'],
    ['healthy-02', '# GPU blocks', 'allocating KV cache'],
    ['healthy-13', 'GPU KV cache size', 'allocating KV cache'],
    ['healthy-02', 'Capturing the model for CUDA graphs', 'capturing CUDA graphs'],
    ['healthy-07', 'Supported_tasks', 'starting API server'],
    ['healthy-14', 'Supported tasks', 'starting API server'],
    ['success-02', 'Application startup complete', 'starting API server'],
  ] as const)('%s "%s" → %s', (id, needle, stage) => {
    expect(detectStage(lineOf(id, needle))?.name).toBe(stage);
  });

  it('reads progress and detail where the line gives them', () => {
    expect(detectStage(lineOf('healthy-09', 'shards:  25%'))).toEqual({
      name: 'loading weights',
      progress: 0.25,
      detail: 'shard 1/4',
    });
    expect(detectStage(lineOf('healthy-09', 'Capturing CUDA graphs (decode, FULL)'))).toEqual({
      name: 'capturing CUDA graphs',
      progress: 1,
      detail: 'decode, FULL 51/51',
    });
    expect(detectStage(lineOf('healthy-09', 'Available KV cache memory'))).toMatchObject({
      detail: '105.97 GiB for KV cache',
    });
    expect(detectStage(lineOf('healthy-14', 'Graph capturing finished'))).toEqual({
      name: 'capturing CUDA graphs',
      progress: 1,
      detail: 'finished in 8 s',
    });
    expect(detectStage(lineOf('healthy-07', 'Starting vLLM API server 0 on'))?.detail).toBe(
      'http://0.0.0.0:8001',
    );
    expect(detectStage(lineOf('healthy-14', 'Starting vLLM server on'))?.detail).toBe('http://0.0.0.0:8000');
  });

  it('ignores CUDA-graph and KV-cache lines that are not those stages', () => {
    for (const [id, needle] of [
      ['healthy-14', 'Profiling CUDA graph memory'],
      ['healthy-14', 'CUDA graph memory profiling is enabled'],
      ['healthy-14', 'CUDA graph pool memory'],
      ['healthy-13', 'Cudagraph is disabled under eager mode'],
      ['healthy-13', 'init engine (profile, create kv cache'],
      ['healthy-13', 'No available shared memory broadcast block'],
    ] as const) {
      expect(detectStage(lineOf(id, needle)), needle).toBeNull();
    }
  });
});

describe('detectStage on wording variants', () => {
  it.each([
    ['INFO 01-01 api_server.py:1] vLLM API server version 0.8.5', 'launching', {}],
    ['Time spent downloading weights for baidu/X: 508.2 seconds', 'downloading weights', { progress: 1 }],
    [
      'Fetching 10 files:  40%|████      | 4/10 [00:01<00:02,  2.50it/s]',
      'downloading weights',
      { progress: 0.4, detail: 'file 4/10' },
    ],
    [
      'model-00001-of-00004.safetensors:  45%|████▌     | 2.23G/4.97G [00:30<00:37, 73.4MB/s]',
      'downloading weights',
      { progress: 0.45, detail: '2.23G/4.97G' },
    ],
    ['Downloading (…)of-00002.safetensors:  12%|█▏   | 1.2G/9.98G [00:10<01:10]', 'downloading weights', {}],
    [
      'Loading safetensors checkpoint shards:  43% Completed | 3/7 [00:12<00:16,  4.1s/it]',
      'loading weights',
      { progress: 0.43, detail: 'shard 3/7' },
    ],
    [
      'Loading checkpoint shards:  50%|█████     | 1/2 [00:01<00:01]',
      'loading weights',
      { detail: 'shard 1/2' },
    ],
    [
      '(VllmWorker rank=0 pid=9) INFO 08-14 16:17:00 [x.py:1] Loading weights took 3.20 seconds',
      'loading weights',
      {},
    ],
    ['Model loading took 14.96 GiB memory and 20.67 seconds', 'loading weights', { progress: 1 }],
    ['torch.compile takes 54.73 s in total', 'compiling', { detail: 'torch.compile took 55 s' }],
    ['Memory profiling takes 5.3 seconds', 'allocating KV cache', {}],
    [
      '(EngineCore_DP0 pid=5) Capturing CUDA graphs (mixed prefill-decode, PIECEWISE):  40%|████      | 20/51 [00:03<00:05]',
      'capturing CUDA graphs',
      { progress: 0.4, detail: 'mixed prefill-decode, PIECEWISE 20/51' },
    ],
    [
      'Capturing CUDA graph shapes:  50%|█████     | 35/70 [00:05<00:05]',
      'capturing CUDA graphs',
      { progress: 0.5 },
    ],
    [
      'Capturing cudagraphs for decoding. This may lead to unexpected consequences',
      'capturing CUDA graphs',
      {},
    ],
    [
      'INFO 01-01 api_server.py:1] Starting vLLM API server on http://localhost:8000',
      'starting API server',
      {},
    ],
    ['llama_model_load: loading model from /models/x.gguf', 'loading weights', {}],
    ['load_tensors: loading model tensors, this can take a while... (mmap = true)', 'loading weights', {}],
    ['llama_kv_cache_unified:      CUDA0 KV buffer size =   512.00 MiB', 'allocating KV cache', {}],
    [
      'main: server is listening on http://127.0.0.1:8080 - starting the main loop',
      'starting API server',
      {},
    ],
    ['[2025-01-01 10:00:00 TP0] Load weight begin. avail mem=78.50 GB', 'loading weights', {}],
    [
      '[2025-01-01 10:00:00 TP0] Capture cuda graph begin. This can take up to several minutes.',
      'capturing CUDA graphs',
      {},
    ],
    [
      '[2025-01-01 10:00:00 TP0] Capture cuda graph end. Time elapsed: 12.30 s',
      'capturing CUDA graphs',
      { progress: 1 },
    ],
    ['The server is fired up and ready to roll!', 'starting API server', {}],
  ] as const)('%s', (line, stage, extra) => {
    expect(detectStage(line)).toMatchObject({ name: stage, ...extra });
  });

  it('does not take the early llama.cpp HTTP line for a server ready to serve', () => {
    expect(
      detectStage('main: HTTP server is listening, hostname: 127.0.0.1, port: 8080, http threads: 7'),
    ).toBeNull();
  });

  it('never declares ready from a log line', () => {
    expect(STAGE_RULES.some((rule) => rule.stage === 'ready')).toBe(false);
    expect(nextStage(null, 'INFO:     Application startup complete.', 1)?.name).toBe('starting API server');
  });
});

describe('nextStage', () => {
  const capturing: Stage = { name: 'capturing CUDA graphs', progress: 0.4, detail: 'x 20/51', since: 100 };

  it('ignores lines of earlier stages and lines that say nothing', () => {
    for (const line of ['Loading weights took 3.2 seconds', 'GPU KV cache size: 10 tokens', 'hello']) {
      expect(nextStage(capturing, line, 200)).toBe(capturing);
    }
    expect(nextStage(null, 'hello', 200)).toBeNull();
  });

  it('updates progress within a stage and keeps since', () => {
    const next = nextStage(capturing, 'Graph capturing finished in 8 secs, took 0.09 GiB', 200);
    expect(next).toEqual({
      name: 'capturing CUDA graphs',
      progress: 1,
      detail: 'finished in 8 s',
      since: 100,
    });
    expect(nextStage(capturing, 'Capturing cudagraphs for decoding.', 200)).toBe(capturing);
  });

  it('moves forward with a fresh since', () => {
    const start: Stage = { name: 'launching', since: 1 };
    const loading = nextStage(start, 'Loading safetensors checkpoint shards:  0% Completed | 0/4', 50);
    expect(loading).toEqual({ name: 'loading weights', progress: 0, detail: 'shard 0/4', since: 50 });
    const later = nextStage(loading, 'Starting vLLM server on http://0.0.0.0:8000', 90);
    expect(later).toEqual({ name: 'starting API server', detail: 'http://0.0.0.0:8000', since: 90 });
  });

  it('leaves a ready engine alone', () => {
    const ready: Stage = { name: 'ready', since: 5 };
    expect(nextStage(ready, 'Starting vLLM server on http://x', 9)).toBe(ready);
  });

  it('covers every stage but ready in the table', () => {
    const covered = new Set(STAGE_RULES.map((rule) => rule.stage));
    expect(STAGE_NAMES.filter((name) => !covered.has(name))).toEqual(['ready']);
  });
});
