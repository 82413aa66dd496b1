import { describe, expect, it } from 'vitest';
import { formatCommandLine, issuesByField, previewCommand, shellQuote } from './engine-command';

describe('command preview', () => {
  it('quotes only what a shell needs quoted', () => {
    expect(shellQuote('--max-model-len')).toBe('--max-model-len');
    expect(shellQuote('{"image":4,"video":0}')).toBe(`'{"image":4,"video":0}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe("''");
    expect(formatCommandLine(['python3', '-m', 'x'], { KEY: '***' })).toBe("KEY='***' python3 -m x");
  });

  it('builds the vLLM command from a profile and options, with the key masked', () => {
    const preview = previewCommand('qwen2.5-vl-7b', { maxModelLen: 8192, extraArgs: ['--seed', '7'] });
    expect(preview).toMatchObject({ ok: true });
    const text = preview?.ok ? preview.text : '';
    expect(text).toContain(
      "VLLM_API_KEY='***' python3 -m vllm.entrypoints.cli.main serve Qwen/Qwen2.5-VL-7B-Instruct",
    );
    expect(text).toContain('--max-model-len 8192');
    expect(text).toContain(`--limit-mm-per-prompt '{"image":4,"video":1}'`);
    expect(text).toMatch(/--seed 7$/);
  });

  it('reports invalid options by field, and nothing for an external server', () => {
    const bad = previewCommand('demo', { maxModelLen: 10, extraArgs: ['--not-a-flag'] });
    expect(bad?.ok).toBe(false);
    const fields = bad && !bad.ok ? issuesByField(bad.issues) : {};
    expect(Object.keys(fields)).toEqual(['maxModelLen']);
    const flags = previewCommand('demo', { extraArgs: ['--not-a-flag'] });
    expect(flags && !flags.ok ? issuesByField(flags.issues) : {}).toHaveProperty('extraArgs');
    expect(previewCommand('external', { baseUrl: 'http://h:1' })).toMatchObject({ ok: true, text: null });
    expect(previewCommand('nope', {})).toBeNull();
  });
});
