// Each image crosses the tunnel once: it is uploaded when it is attached, and requests name it by the
// SHA-256 of its bytes. When the server has lost some (a restart, an eviction) it answers 409 images_missing
// with their keys; they are uploaded again from the browser's copy and the request is retried, once.
import { ApiError } from '@/lib/api-error';
import type { ImageType } from '@/lib/images/sniff';
import type { ChatRequestBody } from './chat-request';
import { openChat, type SseReader } from './chat-stream';
import type { ImageRef } from './conversations/types';
import { ENDPOINTS } from './endpoints';
import { postBytes } from './http';
import { uploadVideo } from './video-upload';

export interface UploadedImage {
  key: string;
  type: ImageType;
  width: number;
  height: number;
  bytes: number;
}

/** An attached image, uploaded and ready to be sent: its reference for the message and its bytes to keep. */
export interface SendableImage {
  ref: ImageRef & { sha256: string };
  blob: Blob;
}

export function uploadImage(blob: Blob, signal?: AbortSignal): Promise<UploadedImage> {
  return postBytes<UploadedImage>(ENDPOINTS.images, blob, signal);
}

/** The keys the server says it no longer has, or null for any other error. */
export function missingImages(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'images_missing') return null;
  const missing = error.details?.missing;
  return Array.isArray(missing) && missing.every((k) => typeof k === 'string') ? missing : null;
}

export interface ReuploadDeps {
  open(body: ChatRequestBody, signal: AbortSignal): Promise<SseReader>;
  upload(blob: Blob, signal?: AbortSignal): Promise<UploadedImage>;
}

/** Clips and images are stored alike on the server, but each is checked by its own route. */
const uploadAny = (blob: Blob, signal?: AbortSignal): Promise<UploadedImage> =>
  blob.type.startsWith('video/')
    ? (uploadVideo(blob, signal) as unknown as Promise<UploadedImage>)
    : uploadImage(blob, signal);

const NETWORK: ReuploadDeps = { open: openChat, upload: uploadAny };

/** Opens the chat stream; re-uploads what the server lost (found by `findBlob`) and retries once. */
export async function openChatReuploading(
  body: ChatRequestBody,
  signal: AbortSignal,
  findBlob: (key: string) => Promise<Blob | undefined>,
  deps: ReuploadDeps = NETWORK,
): Promise<SseReader> {
  try {
    return await deps.open(body, signal);
  } catch (error) {
    const missing = missingImages(error);
    if (!missing) throw error;
    for (const key of missing) {
      const blob = await findBlob(key);
      if (!blob) {
        throw new ApiError(
          409,
          'images_missing',
          'An image of this conversation is no longer stored, neither here nor on the server.',
          'Start a new conversation and attach the image again.',
        );
      }
      await deps.upload(blob, signal);
    }
    return deps.open(body, signal);
  }
}
