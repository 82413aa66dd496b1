import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGgufFile, ggufProblem } from './gguf-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gguf-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Buffer | string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, content);
  return target;
}

describe('the GGUF check before a llama.cpp launch', () => {
  it('accepts a file with the GGUF signature', () => {
    const gguf = file('model.gguf', Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0])]));
    expect(checkGgufFile(gguf)).toBe('gguf');
    expect(ggufProblem(gguf)).toBeNull();
  });

  it('refuses any other file without quoting a byte of it', () => {
    const secret = file('shadow', 'root:$6$saltsalt$hash:19000:0:99999:7:::\n');
    const problem = ggufProblem(secret);
    expect(problem).toMatch(/is not a GGUF file/);
    expect(problem).not.toMatch(/root|\$6/);
    expect(ggufProblem(file('short', 'GG'))).toMatch(/is not a GGUF file/);
    expect(ggufProblem(file('empty', ''))).toMatch(/is not a GGUF file/);
  });

  it('says a file it cannot read cannot be read', () => {
    expect(ggufProblem(path.join(dir, 'missing.gguf'))).toMatch(/cannot be read/);
  });
});
