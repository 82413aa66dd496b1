// notebooks/colab.ipynb: a notebook nbformat 4 would accept (a hand-written schema of the parts nbformat
// checks), shell that parses (`%%bash` cells and `!` lines through `bash -n`), Python that compiles (magics
// and `!` lines blanked, as IPython would have replaced them), and settings that match the app's.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type AppServer, REPO, startApp } from '../helpers/app-server';
import { TEST_TOKEN } from '../helpers/auth';

const NOTEBOOK = path.join(REPO, 'notebooks', 'colab.ipynb');

const source = z.array(z.string());
const cellId = z.string().regex(/^[a-zA-Z0-9-_]{1,64}$/);
const output = z
  .object({ output_type: z.enum(['stream', 'display_data', 'execute_result', 'error']) })
  .loose();
const codeCell = z.strictObject({
  cell_type: z.literal('code'),
  id: cellId,
  metadata: z.record(z.string(), z.unknown()),
  source,
  outputs: z.array(output),
  execution_count: z.number().int().nullable(),
});
const markdownCell = z.strictObject({
  cell_type: z.literal('markdown'),
  id: cellId,
  metadata: z.record(z.string(), z.unknown()),
  source,
  attachments: z.record(z.string(), z.unknown()).optional(),
});
const notebookSchema = z.strictObject({
  nbformat: z.literal(4),
  // Cell ids are part of the format from 4.5 on; older minors forbid them.
  nbformat_minor: z.number().int().min(5),
  metadata: z
    .object({
      kernelspec: z.object({ name: z.string(), display_name: z.string() }).loose(),
      language_info: z.object({ name: z.literal('python') }).loose(),
    })
    .loose(),
  cells: z.array(z.discriminatedUnion('cell_type', [codeCell, markdownCell])).min(1),
});
type Notebook = z.infer<typeof notebookSchema>;

function load(): Notebook {
  return notebookSchema.parse(JSON.parse(fs.readFileSync(NOTEBOOK, 'utf8')));
}

const text = (cell: { source: string[] }) => cell.source.join('');
const codeCells = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code');
const isBashCell = (code: string) => code.startsWith('%%bash');

function check(command: string, args: string[], input: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-check-'));
  const file = path.join(dir, 'cell');
  fs.writeFileSync(file, input);
  const res = spawnSync(command, [...args, file], { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  if (res.error) throw res.error;
  return { ok: res.status === 0, message: `${res.stderr}${res.stdout}`.trim() };
}

describe('notebooks/colab.ipynb', () => {
  it('is valid JSON in nbformat 4 shape with unique cell ids and source arrays ending lines in \\n', () => {
    const nb = load();
    const ids = nb.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const cell of nb.cells) {
      // Every line but the last ends with a newline, as nbformat writes them; a join must give back the text.
      for (const line of cell.source.slice(0, -1)) expect(line.endsWith('\n')).toBe(true);
      for (const line of cell.source) expect(line.slice(0, -1)).not.toContain('\n');
    }
    expect(nb.cells[0]?.cell_type).toBe('markdown');
  });

  it('every code cell says what it does on its first lines', () => {
    for (const cell of codeCells(load())) {
      const lines = text(cell).split('\n');
      const head = isBashCell(text(cell)) ? lines[1] : lines[0];
      expect(head, text(cell).slice(0, 80)).toMatch(/^#(@title)? \S/);
    }
  });

  it('its shell (%%bash cells and ! lines) passes bash -n', () => {
    let checked = 0;
    for (const cell of codeCells(load())) {
      const code = text(cell);
      const scripts = isBashCell(code)
        ? [code.split('\n').slice(1).join('\n')]
        : code
            .split('\n')
            .filter((l) => l.trimStart().startsWith('!'))
            .map((l) => l.trimStart().slice(1));
      for (const script of scripts) {
        const res = check('bash', ['-n'], script);
        expect(res.ok, `${res.message}\n--- in ---\n${script}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  it('its Python cells compile, with magics and ! lines blanked as IPython would have replaced them', () => {
    let checked = 0;
    for (const cell of codeCells(load())) {
      const code = text(cell);
      if (isBashCell(code)) continue;
      // `pass` keeps an indented block valid where a shell line was its only statement.
      const python = code.replace(
        /^(\s*)([!%].*)$/gm,
        (_, indent: string, line: string) => `${indent}pass  # ${line}`,
      );
      const res = check('python3', ['-m', 'py_compile'], python);
      expect(res.ok, `${res.message}\n--- in ---\n${python}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('offers the access modes the start command knows, a Drive checkbox, and leaves vLLM to the app', async () => {
    const all = load().cells.map(text).join('\n');
    const { TUNNEL_MODES } = await import('../../scripts/lib/start-args.mjs');
    const offered = /TUNNEL = "(\w+)"\s+#@param (\[.*\])/.exec(all);
    expect(offered).toBeTruthy();
    const modes = JSON.parse(offered?.[2] ?? '[]') as string[];
    expect(modes).toContain(offered?.[1]);
    for (const mode of modes) expect(TUNNEL_MODES).toContain(mode);
    expect(all).toMatch(/^KEEP_HF_CACHE_ON_DRIVE = False {2}#@param \{type:"boolean"\}$/m);
    expect(all).toContain('google.colab.kernel.proxyPort');
    expect(all).toContain('subprocess.Popen(["node", "scripts/start.mjs", "--tunnel", TUNNEL]');
    // No install logic of its own: no pinned version, no pip line; the app's planner decides.
    expect(all).not.toMatch(/vllm==|version=\d|pip install[^\n]*vllm/);
    expect(all).toContain('/install/plan');
  });
});

// The install cell runs as Colab would run it, against the built app with the stand-ins for nvidia-smi and
// Python (tests/fixtures): the values the Settings cell defines come first.
describe('the notebook’s install cell', () => {
  let app: AppServer | null = null;
  afterEach(async () => {
    await app?.stop();
    app = null;
  });

  const installCell = () => {
    const cell = codeCells(load()).find((c) => text(c).startsWith('#@title Install vLLM'));
    if (!cell) throw new Error('no install cell');
    return text(cell);
  };

  async function runCell(env: Record<string, string>) {
    const fixtures = path.join(REPO, 'tests', 'fixtures');
    app = await startApp({
      PATH: `${fixtures}/fake-python:${fixtures}/fake-nvidia-smi:${process.env.PATH}`,
      ...env,
    });
    const prelude = [
      `APP_PORT = ${app.port}`,
      `DATA_DIR = ${JSON.stringify(app.dataDir)}`,
      'class SetupError(RuntimeError):',
      '    pass',
      '',
    ].join('\n');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notebook-cell-'));
    const file = path.join(dir, 'cell.py');
    fs.writeFileSync(file, prelude + installCell());
    const child = spawn('python3', [file], {
      env: { ...process.env, ...env, VLM_CONSOLE_TOKEN: TEST_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    fs.rmSync(dir, { recursive: true, force: true });
    return { code, out };
  }

  it('on a Colab VM with driver 550 / CUDA 12.4 installs the +cu129 build instead of dying', async () => {
    const { code, out } = await runCell({});
    expect(out).toMatch(/Plan: vLLM [\d.]+, cu129 build, with pip/);
    expect(out).toMatch(/is installed and passed its self-test/);
    expect(code).toBe(0);
  });

  it('stops with the planner’s refusal, and with the diagnosis when the install fails', async () => {
    const old = await runCell({ FAKE_NVIDIA_SMI: 'old-driver' });
    expect(old.code).not.toBe(0);
    expect(old.out).toMatch(/SetupError: .*470\.182\.03.* FIX: Update the NVIDIA driver to 525/);
    await app?.stop();

    const offline = await runCell({ FAKE_NETWORK: 'offline', FAKE_PIP: 'offline' });
    expect(offline.code).not.toBe(0);
    expect(offline.out).toContain('No network: the package index cannot be reached');
    expect(offline.out).toContain('FIX: Check that this machine can reach the package index');
  });
});
