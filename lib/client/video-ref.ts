// Clips are stored and listed with the images; their media type tells them apart. A module of its own so
// the chat history can ask without loading the clip pipeline.
import type { ImageRef } from './conversations/types';

export const isVideoRef = (ref: Pick<ImageRef, 'mediaType'>) => ref.mediaType?.startsWith('video/') === true;
