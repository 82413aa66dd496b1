import 'server-only';
// The video clips of a chat request, made into what the engine takes: `video_url` parts with data URLs.
// A clip goes only to a model that takes video (the profile's `video` field); each is checked (really a clip,
// under the per-clip cap) and uploaded ones are fetched by key. Older clips beyond the per-prompt limit are
// replaced by a note, as images are.
import type { ChatCompletionContentPart } from 'openai/resources/chat/completions';
import { AppError } from '../errors';
import { checkVideo, type ImageStore, videoDataUrl } from '../images/image-store';

export type VideoRequestPart =
  | { type: 'video_url'; video_url: { url: string } }
  | { type: 'video_ref'; sha256: string };

export interface VideoRules {
  /** Clips the engine takes per request: 0 for a model without video. */
  limit: number;
  maxVideoBytes: number;
  /** The running model, named in the refusal. */
  model: string;
  store: ImageStore;
}

export const isVideoPart = (part: { type: string }): part is VideoRequestPart =>
  part.type === 'video_url' || part.type === 'video_ref';

const DATA_URL = /^data:(video\/[a-z0-9.+-]+);base64,(.*)$/s;

/** Refuses a turn whose own clips the model cannot take, before anything is sent. */
export function checkVideoCount(count: number, index: number, rules: VideoRules): void {
  if (count === 0) return;
  if (rules.limit === 0) {
    throw new AppError(
      'unsupported_media_type',
      `messages.${index}: ${rules.model} does not take video clips.`,
      'Remove the clip, or launch a model that takes video (ERNIE-4.5-VL, Qwen2.5-VL).',
    );
  }
  if (count > rules.limit) {
    throw new AppError(
      'validation_failed',
      `messages.${index}: this message has ${count} clips; the running model takes at most ${rules.limit} per request.`,
      'Send one clip per message.',
    );
  }
}

export class VideoBudget {
  private left: number;
  constructor(private readonly rules: VideoRules) {
    this.left = rules.limit;
  }

  /** The part to send for a clip (a note once the budget is spent), its bytes, or null when it is missing. */
  async resolve(
    part: VideoRequestPart,
    label: string,
    missing: string[],
  ): Promise<{ part: ChatCompletionContentPart; bytes: number } | null> {
    if (this.left === 0) {
      const text = '[An earlier video clip is not sent again: the model takes a limited number per request.]';
      return { part: { type: 'text', text }, bytes: 0 };
    }
    this.left -= 1;
    const clip = await this.load(part, label, missing);
    if (!clip) return null;
    // The OpenAI SDK's types know no video part; vLLM's chat API takes `video_url` as images take `image_url`.
    const videoPart = {
      type: 'video_url',
      video_url: { url: clip.url },
    } as unknown as ChatCompletionContentPart;
    return { part: videoPart, bytes: clip.bytes };
  }

  private async load(part: VideoRequestPart, label: string, missing: string[]) {
    if (part.type === 'video_ref') {
      const stored = await this.rules.store.getVideo(part.sha256);
      if (!stored) {
        missing.push(part.sha256);
        return null;
      }
      return { url: videoDataUrl(stored.data, stored.info), bytes: stored.data.byteLength };
    }
    const match = DATA_URL.exec(part.video_url.url);
    if (!match) throw new AppError('validation_failed', `${label} must be a base64 data URL.`);
    const data = Buffer.from(match[2] ?? '', 'base64');
    checkVideo(data, label, this.rules.maxVideoBytes);
    return { url: part.video_url.url, bytes: data.byteLength };
  }
}
