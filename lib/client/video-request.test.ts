import { describe, expect, it } from 'vitest';
import { buildChatRequest } from './chat-request';

describe('clips in the chat request', () => {
  it('become video_ref parts, images image_ref parts, in the order attached', () => {
    const body = buildChatRequest(
      [
        {
          role: 'user',
          content: 'What happens?',
          images: [
            { key: 'a', sha256: 'a'.repeat(64), mediaType: 'image/jpeg' },
            { key: 'b', sha256: 'b'.repeat(64), mediaType: 'video/webm', durationS: 3 },
          ],
        },
      ],
      '',
      {},
    );
    expect(body.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What happens?' },
        { type: 'image_ref', sha256: 'a'.repeat(64) },
        { type: 'video_ref', sha256: 'b'.repeat(64) },
      ],
    });
  });
});
