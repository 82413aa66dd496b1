// The demo engine's video and grounding parts, through its request parser and reply composer (the HTTP path
// is the same as for images and is covered by the black-box tests and tests/integration/media.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrounding } from '../../lib/grounding';
import { parseChatRequest } from './chat-request.mjs';
import { composeReply } from './reply.mjs';

const mp4 = readFileSync('tests/fixtures/media/clip-320x240.mp4');
const PNG_640x480 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000280000001e00806000000', // header only: the demo reads the size
  'hex',
);
const opts = (extra: Record<string, unknown> = {}) => ({
  servedModelName: 'demo/vlm-demo',
  maxModelLen: 32768,
  limitMmPerPrompt: { image: 4, video: 1, audio: 0 },
  thinkingTokens: 10,
  answerTokens: 10,
  ...extra,
});

function ask(text: string, parts: unknown[], o = opts()) {
  const parsed = parseChatRequest(
    { model: o.servedModelName, messages: [{ role: 'user', content: [{ type: 'text', text }, ...parts] }] },
    { opts: o } as never,
  );
  if (!('request' in parsed)) throw new Error(JSON.stringify(parsed));
  return { request: parsed.request, answer: composeReply(parsed.request, o).answer.join('') };
}

const video = { type: 'video_url', video_url: { url: `data:video/mp4;base64,${mp4.toString('base64')}` } };
const image = {
  type: 'image_url',
  image_url: { url: `data:image/png;base64,${PNG_640x480.toString('base64')}` },
};

describe('demo engine media', () => {
  it('reports each clip: container, size, duration, bytes', () => {
    const { answer } = ask('What happens?', [video]);
    expect(answer).toContain(`Video 1: mp4, 320×240, 2.0 s, ${mp4.length.toLocaleString('en-US')} bytes`);
  });

  it('refuses a clip beyond the launch limit in vLLM’s words', () => {
    const o = opts({ limitMmPerPrompt: { image: 4, video: 0, audio: 0 } });
    const parsed = parseChatRequest({ messages: [{ role: 'user', content: [video] }] }, { opts: o } as never);
    expect(parsed).toMatchObject({
      status: 400,
      error: { message: 'At most 0 video(s) may be provided in one prompt.' },
    });
  });

  it.each([
    ['demo/vlm-demo', 'qwen2.5-vl'],
    ['demo/Qwen2.5-VL-demo', 'qwen2.5-vl'],
    ['demo/InternVL2-demo', 'internvl'],
    ['demo/ERNIE-4.5-VL-demo', 'ernie-4.5-vl'],
  ])('answers a grounding question as %s would (%s)', (model, family) => {
    const o = opts({ servedModelName: model });
    const { answer } = ask('Where is the red car?', [image], o);
    const result = parseGrounding(answer, model);
    expect(result?.family).toBe(family);
    expect(result?.shapes[0]?.label).toBe('the red car');
    if (result?.space === 'pixels')
      expect(result.shapes[0]).toMatchObject({ x1: 160, y1: 120, x2: 320, y2: 240 });
    else expect(result?.shapes[0]).toMatchObject({ x1: 250, y1: 250, x2: 500, y2: 500 });
  });

  it('answers other questions without boxes', () => {
    expect(parseGrounding(ask('Describe it', [image]).answer, 'demo/vlm-demo')).toBeNull();
  });
});
