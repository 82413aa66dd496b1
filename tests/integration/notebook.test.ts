// notebooks/colab.ipynb: a notebook nbformat 4 would accept (a hand-written schema of the parts nbformat
// checks), shell that parses (`%%bash` cells and `!` lines through `bash -n`), Python that compiles (magics
// and `!` lines blanked, as IPython would have replaced them), and settings that match the app's.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REPO } from '../helpers/app-server';

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

  it('offers the access modes the start command knows, a Drive checkbox, and the app pins of vLLM', async () => {
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
    // The notebook installs the same vLLM as the console's "Install vLLM" button.
    const pinsFile = path.join(REPO, 'lib', 'engine', 'vllm-install.ts');
    if (fs.existsSync(pinsFile)) {
      const pins = [...fs.readFileSync(pinsFile, 'utf8').matchAll(/version: '([\d.]+)'/g)].map((m) => m[1]);
      expect(pins.length).toBeGreaterThan(0);
      for (const pin of pins) expect(all).toContain(`version=${pin}`);
    }
  });
});
