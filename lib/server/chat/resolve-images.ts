import 'server-only';
// Turns the images of a chat request into what the engine takes: data URLs. Checks each one (its bytes are
// really the type it claims, it is under the size cap), fetches uploaded images by key, and keeps the whole
// request within the engine's per-prompt image limit: vLLM counts every image of every message, so older
// images beyond the limit are replaced by a note rather than failing the turn.
import type {
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { RequestMessage, RequestPart } from '@/lib/api/chat';
import { MIME } from '@/lib/images/sniff';
import { AppError, fieldError } from '../errors';
import { checkImage, dataUrl, type ImageStore } from '../images/image-store';
import { checkVideoCount, isVideoPart, VideoBudget, type VideoRules } from './resolve-videos';

type ImagePart = Extract<RequestPart, { type: 'image_url' | 'image_ref' }>;

export interface ImageRules {
  /** Images the engine takes in one request (--limit-mm-per-prompt). */
  limit: number;
  maxImageBytes: number;
  maxRequestBytes: number;
  store: ImageStore;
  /** Video clips: absent means the model takes none. */
  video?: Omit<VideoRules, 'store'>;
}

const DATA_URL = /^data:(image\/[a-z]+);base64,(.*)$/s;

export async function resolveImages(
  messages: RequestMessage[],
  rules: ImageRules,
): Promise<ChatCompletionMessageParam[]> {
  const lastIndex = messages.length - 1;
  const lastImages = countImages(messages[lastIndex]);
  if (lastImages > rules.limit) {
    throw fieldError(
      `messages.${lastIndex}`,
      `this message has ${lastImages} images; the running model takes at most ${rules.limit} per request.`,
      'Remove some images, or relaunch with a higher "Images per prompt".',
    );
  }
  const videoRules = {
    limit: 0,
    maxVideoBytes: 0,
    model: 'The running model',
    ...rules.video,
    store: rules.store,
  };
  checkVideoCount(countVideos(messages[lastIndex]), lastIndex, videoRules);
  const videos = new VideoBudget(videoRules);
  let budget = rules.limit;
  let total = 0;
  const missing: string[] = [];
  const out: ChatCompletionMessageParam[] = new Array(messages.length);
  // Newest first, so the budget goes to the images the question is about.
  for (let m = lastIndex; m >= 0; m--) {
    const message = messages[m] as RequestMessage;
    if (message.role !== 'user') {
      out[m] = message;
      continue;
    }
    if (typeof message.content === 'string') {
      out[m] = { role: 'user', content: message.content };
      continue;
    }
    const parts: ChatCompletionContentPart[] = [];
    let n = 0;
    let clips = 0;
    for (const part of message.content) {
      if (part.type === 'text') {
        parts.push(part);
        continue;
      }
      if (isVideoPart(part)) {
        clips += 1;
        const clip = await videos.resolve(part, `Video ${clips} of message ${m + 1}`, missing);
        if (!clip) continue;
        total += clip.bytes;
        parts.push(clip.part);
        continue;
      }
      n += 1;
      if (budget === 0) {
        parts.push({
          type: 'text',
          text: '[An earlier image is not sent again: the model takes a limited number per request.]',
        });
        continue;
      }
      budget -= 1;
      const label = `Image ${n} of message ${m + 1}`;
      const image = await loadImage(part, label, rules, missing);
      if (!image) continue;
      total += image.bytes;
      parts.push({ type: 'image_url', image_url: { url: image.url } });
    }
    out[m] = { role: 'user', content: parts };
  }
  if (missing.length > 0) {
    throw new AppError(
      'images_missing',
      `${missing.length} image(s) or clip(s) are no longer on the server; upload them again.`,
      undefined,
      {
        details: { missing },
      },
    );
  }
  if (total > rules.maxRequestBytes) {
    const mb = (b: number) => `${(b / 1_000_000).toFixed(1)} MB`;
    throw new AppError(
      'payload_too_large',
      `The images and clips of this request add up to ${mb(total)}; the limit is ${mb(rules.maxRequestBytes)}.`,
      'Send fewer or smaller images or clips.',
    );
  }
  return out;
}

function countImages(message: RequestMessage | undefined): number {
  if (message?.role !== 'user' || typeof message.content === 'string') return 0;
  return message.content.filter((p) => p.type !== 'text' && !isVideoPart(p)).length;
}

function countVideos(message: RequestMessage | undefined): number {
  if (message?.role !== 'user' || typeof message.content === 'string') return 0;
  return message.content.filter(isVideoPart).length;
}

async function loadImage(
  part: ImagePart,
  label: string,
  rules: ImageRules,
  missing: string[],
): Promise<{ url: string; bytes: number } | null> {
  if (part.type === 'image_ref') {
    const stored = await rules.store.get(part.sha256);
    if (!stored) {
      missing.push(part.sha256);
      return null;
    }
    return { url: dataUrl(stored.data, stored.type), bytes: stored.data.byteLength };
  }
  const match = DATA_URL.exec(part.image_url.url);
  if (!match) throw new AppError('validation_failed', `${label} must be a base64 data URL.`);
  const data = Buffer.from(match[2] ?? '', 'base64');
  const image = checkImage(data, label, rules.maxImageBytes);
  if (MIME[image.type] !== match[1]) {
    throw new AppError(
      'unsupported_media_type',
      `${label} says it is ${match[1]} but its bytes are a ${image.type.toUpperCase()} image.`,
    );
  }
  return { url: part.image_url.url, bytes: data.byteLength };
}
