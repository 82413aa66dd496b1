// The demo engine, black box: command line. Helpers and fixtures in test-helpers.ts.
import { describe, expect } from 'vitest';
import { it } from './test-helpers';

describe.concurrent('command line', () => {
  it('rejects an unknown flag like argparse', async ({ start }) => {
    const engine = await start(['--foo']);
    expect(await engine.exited).toBe(2);
    expect(engine.stderr()).toMatch(/^usage: demo-engine /);
    expect(engine.stderr()).toContain('demo-engine: error: unrecognized arguments: --foo');
  });

  it('rejects the pre-0.10 --limit-mm-per-prompt syntax and unknown failure kinds', async ({ start }) => {
    const old = await start(['--limit-mm-per-prompt', 'image=4']);
    const bogus = await start(['--fail', 'bogus']);
    expect(await old.exited).toBe(2);
    expect(old.stderr()).toContain('argument --limit-mm-per-prompt: Value image=4 cannot be converted');
    expect(await bogus.exited).toBe(2);
    expect(bogus.stderr()).toContain("argument --fail: invalid choice: 'bogus'");
  });
});
