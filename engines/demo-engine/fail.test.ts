// The demo engine, black box: fail. Helpers and fixtures in test-helpers.ts.
import { describe, expect } from 'vitest';
import { LAUNCH_FAILURE_CATEGORIES } from '../../lib/diagnosis/types';
import { it, probe } from './test-helpers';

describe.concurrent('--fail', () => {
  // The demo acts out every launch failure the diagnosis knows (the ids are the contract between them).
  const KINDS = LAUNCH_FAILURE_CATEGORIES;

  it('kv_cache_too_small names an estimated maximum length below --max-model-len', async ({ start }) => {
    const engine = await start([
      '--fail',
      'kv_cache_too_small',
      '--max-model-len',
      '65536',
      '--startup-seconds',
      '0',
    ]);
    expect(await engine.exited).not.toBe(0);
    const out = engine.stdout() + engine.stderr();
    const match =
      /the estimated maximum model length is (\d+)\. Try increasing `gpu_memory_utilization` or decreasing `max_model_len`/.exec(
        out,
      );
    expect(Number(match?.[1])).toBeGreaterThan(0);
    expect(Number(match?.[1])).toBeLessThan(65536);
    expect(out).toContain('EngineCore failed to start.');
    expect(out).toContain(
      "RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {'EngineCore_DP0': 1}",
    );
    expect(await probe(engine.port)).toBe('ECONNREFUSED');
  });

  it('every kind prints startup lines, then a traceback, and exits 1', async ({ start }) => {
    const engines = await Promise.all(KINDS.map((kind) => start(['--fail', kind, '--startup-seconds', '0'])));
    const codes = await Promise.all(engines.map((engine) => engine.exited));
    engines.forEach((engine, i) => {
      const out = engine.stdout() + engine.stderr();
      expect({ kind: KINDS[i], code: codes[i] }).toEqual({ kind: KINDS[i], code: 1 });
      expect(out).toContain('vLLM API server version');
      expect(out).toMatch(/Traceback \(most recent call last\):\n.*File "/);
    });
  });
});
