import { describe, expect, it } from 'vitest';
import type { ChatEvent } from './events';
import { run, splits } from './fixtures/normalizer-harness';
import {
  rawContentStream,
  roleChunk,
  sseDataLines,
  usageChunk,
  VLLM_0_11_2_SSE,
  vllmChunk,
} from './fixtures/vllm-chunks';
import { type ReasoningFormat, StreamNormalizer } from './stream-normalizer';

// Events cannot be taken back, so an exact concatenation proves no tag fragment was ever emitted.
function expectSplitsToGive(
  raw: string,
  format: ReasoningFormat,
  want: { reasoning: string; content: string },
) {
  for (const pieces of splits(raw)) {
    const { events, reasoning, content } = run(rawContentStream(pieces), format);
    expect({ pieces, reasoning, content }).toEqual({ pieces, ...want });
    const empty = events.filter((e) => (e.type === 'reasoning' || e.type === 'content') && e.text === '');
    expect(empty).toEqual([]);
  }
}

describe('tags in content, split at every position', () => {
  it('ERNIE raw output with a <response> wrapper', () => {
    const raw = 'Let me think.\n</think>\n\n<response>\nThe answer is **42**.\n</response>\n';
    expectSplitsToGive(raw, 'ernie-raw', { reasoning: 'Let me think.', content: 'The answer is **42**.' });
  });

  it('ERNIE raw output without a wrapper, and with a template-less leading <think>', () => {
    const want = { reasoning: 'Step 1.\nStep 2.', content: 'Done: 6 × 7 = 42' };
    expectSplitsToGive('Step 1.\nStep 2.\n</think>\nDone: 6 × 7 = 42', 'ernie-raw', want);
    // An unwrapped answer is passed through verbatim (nothing held back), trailing newline included.
    expectSplitsToGive('<think>\nStep 1.\nStep 2.\n</think>\nDone: 6 × 7 = 42\n', 'ernie-raw', {
      ...want,
      content: `${want.content}\n`,
    });
  });

  it('ERNIE answer keeps literal <, </b> and look-alike tags', () => {
    const raw =
      'Is 1 < 2? </thin is not a tag.\n</think>\n\n<response>\nYes: 1 < 2, <b>bold</b>, </respond>.\n</response>\n';
    expectSplitsToGive(raw, 'ernie-raw', {
      reasoning: 'Is 1 < 2? </thin is not a tag.',
      content: 'Yes: 1 < 2, <b>bold</b>, </respond>.',
    });
  });

  it('<think> block with leading whitespace, in think-tags and auto modes', () => {
    const raw = '\n\n<think>\nHmm, 6 × 7.\n</think>\n\nThe answer is **42**.';
    const want = { reasoning: 'Hmm, 6 × 7.', content: 'The answer is **42**.' };
    expectSplitsToGive(raw, 'think-tags', want);
    expectSplitsToGive(raw, 'auto', want);
  });

  it('plain answer with < and </b> passes through untouched', () => {
    const raw = 'Use a < b, then </b> and <think> literally.';
    expectSplitsToGive(raw, 'auto', { reasoning: '', content: raw });
    expectSplitsToGive(raw, 'parsed', { reasoning: '', content: raw });
  });
});

describe('reasoning fields', () => {
  it('reads a vLLM 0.11.1+ transcript with both field names once, plus usage and done', () => {
    let clock = 1000;
    const normalizer = new StreamNormalizer({ now: () => clock, startedAt: 900 });
    const events: ChatEvent[] = [];
    for (const data of sseDataLines(VLLM_0_11_2_SSE)) {
      clock += 10;
      events.push(...normalizer.pushData(data));
    }
    expect(events).toEqual([
      { type: 'reasoning', text: 'The user asks for' },
      { type: 'reasoning', text: ' 6 × 7.' },
      { type: 'content', text: 'The answer' },
      { type: 'content', text: ' is **42**.' },
      { type: 'usage', prompt: 31, completion: 21, reasoning: 9, reasoningTokens: 9 },
      // first token in the 2nd message (clock 1020), [DONE] in the 8th (clock 1080), start at 900
      { type: 'done', finishReason: 'stop', ttftMs: 120, durationMs: 180 },
    ]);
    expect(normalizer.state).toMatchObject({ ended: true, endedWhileThinking: false, hasContent: true });
  });

  it('reads reasoning_content alone (vLLM <= 0.11.0, SGLang, llama.cpp)', () => {
    const { reasoning, content } = run([
      roleChunk,
      vllmChunk({ reasoning_content: 'Thinking' }),
      vllmChunk({ reasoning_content: ' hard.' }),
      vllmChunk({ content: '\n\nForty-two.' }),
      vllmChunk({ content: '' }, 'stop'),
    ]);
    expect({ reasoning, content }).toEqual({ reasoning: 'Thinking hard.', content: 'Forty-two.' });
  });

  it('emits reasoning before content when one delta carries both', () => {
    const { events } = run([vllmChunk({ reasoning: 'end of thought', content: 'Answer' })], 'parsed');
    expect(events.slice(0, 2)).toEqual([
      { type: 'reasoning', text: 'end of thought' },
      { type: 'content', text: 'Answer' },
    ]);
  });

  it('parsed mode moves a stray leading <think> block to the trace but leaves later tags alone', () => {
    const { reasoning, content } = run(
      rawContentStream(['<think>\n', 'leaked\n</th', 'ink>\n\nSay <think> ', 'here.']),
      'parsed',
    );
    expect({ reasoning, content }).toEqual({ reasoning: 'leaked', content: 'Say <think> here.' });
  });

  it('ignores the empty role chunk', () => {
    expect(new StreamNormalizer().push(roleChunk)).toEqual([]);
  });
});

describe('usage', () => {
  it('maps the usage-only chunk, with or without reasoning tokens', () => {
    expect(run([usageChunk(10, 5, 3)]).events[0]).toEqual({
      type: 'usage',
      prompt: 10,
      completion: 5,
      reasoning: 3,
      reasoningTokens: 3,
    });
    expect(run([usageChunk(10, 5)]).events[0]).toEqual({ type: 'usage', prompt: 10, completion: 5 });
  });

  it('reports continuous usage stats once, at the end', () => {
    const withUsage = (chunk: Record<string, unknown>, completion: number) => ({
      ...chunk,
      usage: { prompt_tokens: 8, completion_tokens: completion, total_tokens: 8 + completion },
    });
    const { events } = run([
      withUsage(vllmChunk({ content: 'a' }), 1),
      withUsage(vllmChunk({ content: 'b' }), 2),
    ]);
    expect(events.filter((e) => e.type === 'usage')).toEqual([{ type: 'usage', prompt: 8, completion: 2 }]);
  });
});

describe('errors', () => {
  it('maps the nested error chunk, flushes held text first and ignores what follows', () => {
    const normalizer = new StreamNormalizer({ reasoningFormat: 'ernie-raw', now: () => 0 });
    expect(normalizer.push(vllmChunk({ content: 'Thinking </thi' }))).toEqual([
      { type: 'reasoning', text: 'Thinking' },
    ]);
    const error = {
      error: { message: 'CUDA out of memory', type: 'InternalServerError', param: null, code: 500 },
    };
    expect(normalizer.push(error)).toEqual([
      { type: 'reasoning', text: ' </thi' },
      { type: 'error', code: 'InternalServerError', message: 'CUDA out of memory' },
    ]);
    expect(normalizer.push(vllmChunk({ content: 'late' }))).toEqual([]);
    expect(normalizer.pushData('[DONE]')).toEqual([
      { type: 'done', finishReason: null, ttftMs: 0, durationMs: 0 },
    ]);
    expect(normalizer.state).toMatchObject({ errored: true, endedWhileThinking: false });
  });

  it('maps the flat pre-0.10.1 error and a bare error string', () => {
    const flat = {
      object: 'error',
      message: 'max_tokens is too large',
      type: 'BadRequestError',
      param: null,
      code: 400,
    };
    expect(run([flat]).events[0]).toEqual({
      type: 'error',
      code: 'BadRequestError',
      message: 'max_tokens is too large',
    });
    expect(run([{ object: 'error', message: 'boom', code: 400 }]).events[0]).toMatchObject({ code: '400' });
    expect(run([{ error: 'slot unavailable' }]).events[0]).toEqual({
      type: 'error',
      code: 'engine_error',
      message: 'slot unavailable',
    });
  });

  it('treats a non-JSON data line as a terminal error', () => {
    const normalizer = new StreamNormalizer();
    expect(normalizer.pushData('{"choices": [')[0]).toMatchObject({ type: 'error', code: 'invalid_chunk' });
    expect(normalizer.pushData(JSON.stringify(vllmChunk({ content: 'x' })))).toEqual([]);
  });
});

describe('end of stream', () => {
  it('[DONE] flushes a held-back partial tag as text', () => {
    const normalizer = new StreamNormalizer({ reasoningFormat: 'think-tags' });
    expect(normalizer.push(vllmChunk({ content: '  <th' }))).toEqual([]);
    expect(normalizer.pushData('[DONE]').slice(0, 1)).toEqual([{ type: 'content', text: '<th' }]);
    expect(normalizer.end()).toEqual([]);
    expect(normalizer.push(vllmChunk({ content: 'late' }))).toEqual([]);
  });

  it('flags length-while-thinking for raw ERNIE output', () => {
    const { reasoning, content, events, normalizer } = run(
      rawContentStream(['Let me', ' think about </', 'thin'], 'length'),
      'ernie-raw',
    );
    expect({ reasoning, content }).toEqual({ reasoning: 'Let me think about </thin', content: '' });
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'length' });
    expect(normalizer.state.endedWhileThinking).toBe(true);
  });

  it('flags length-while-thinking for parsed reasoning fields', () => {
    const { content, normalizer } = run([roleChunk, vllmChunk({ reasoning: 'Still going' }, 'length')]);
    expect(content).toBe('');
    expect(normalizer.state).toMatchObject({ finishReason: 'length', endedWhileThinking: true });
  });

  it('keeps everything as reasoning when <think> never closes', () => {
    const { reasoning, content, normalizer } = run(
      rawContentStream(['<think>\nA', ' long thought\n\n'], 'length'),
    );
    expect({ reasoning, content }).toEqual({ reasoning: 'A long thought', content: '' });
    expect(normalizer.state.endedWhileThinking).toBe(true);
  });

  it('does not flag a reply whose thinking closed', () => {
    const { normalizer } = run(rawContentStream(['<think>x</think>\n\nHi']));
    expect(normalizer.state).toMatchObject({
      isThinking: false,
      endedWhileThinking: false,
      hasContent: true,
    });
  });

  it('reports isThinking while the thought is open', () => {
    const normalizer = new StreamNormalizer({ reasoningFormat: 'ernie-raw' });
    expect(normalizer.state.isThinking).toBe(false);
    normalizer.push(vllmChunk({ content: 'hmm' }));
    expect(normalizer.state.isThinking).toBe(true);
    normalizer.push(vllmChunk({ content: '\n</think>\n\n<response>\nOK' }));
    expect(normalizer.state.isThinking).toBe(false);
  });

  it('reports null ttft when no token arrived', () => {
    const normalizer = new StreamNormalizer({ now: () => 5, startedAt: 2 });
    expect(normalizer.end()).toEqual([{ type: 'done', finishReason: null, ttftMs: null, durationMs: 3 }]);
  });
});
