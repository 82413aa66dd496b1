// The Python probe runner: this machine's Python (no vLLM here, or vLLM if installed), a Python that hangs in
// the torch import, and a configured Python that does not exist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { which } from '../engine/executables';
import { probePython } from './python-probe';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'python-probe-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A "Python" that prints the probe's first line and then hangs the way a cold torch import does. */
function slowPython(): string {
  const file = path.join(dir, 'python-slow');
  const meta = JSON.stringify({
    probe: 'meta',
    python: '3.12.11',
    executable: file,
    vllm: '0.11.0',
    vllm_spec: true,
    torch: '2.8.0+cu128',
    transformers: '4.57.1',
  });
  // `exec` so that the timeout's SIGKILL reaches the sleeping process itself.
  fs.writeFileSync(file, `#!/usr/bin/env bash\necho '${meta}'\nexec sleep 30\n`, { mode: 0o755 });
  return file;
}

describe('probePython', () => {
  it.skipIf(!which('python3'))('runs the probe script with python3 and reads its answer', async () => {
    const report = await probePython();
    expect(report.status).toBe('ok');
    if (report.status !== 'ok') return;
    expect(report.version).toMatch(/^3\.\d+\.\d+/);
    expect(path.isAbsolute(report.executable)).toBe(true);
    expect(['ok', 'missing', 'timed-out', 'error']).toContain(report.torch.status);
  });

  it('reports torch as timed out when the import outlasts the timeout, keeping the first line', async () => {
    const started = Date.now();
    const report = await probePython({ configured: slowPython(), timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report).toMatchObject({
      status: 'ok',
      vllm: { version: '0.11.0' },
      torch: { status: 'timed-out' },
    });
  });

  it('answers "missing" for a configured Python that does not exist', async () => {
    expect(await probePython({ configured: '/nonexistent/python3' })).toEqual({
      status: 'missing',
      configured: '/nonexistent/python3',
    });
  });
});
