import 'server-only';
import path from 'node:path';
import { getEnv } from '../env';
import { ImageStore } from './image-store';

const KEY = Symbol.for('vlm-console.image-store');

export function getImageStore(): ImageStore {
  const holder = globalThis as { [KEY]?: ImageStore };
  if (!holder[KEY]) {
    const env = getEnv();
    holder[KEY] = new ImageStore(
      path.join(/*turbopackIgnore: true*/ env.dataDir, 'images'),
      env.VLM_CONSOLE_IMAGE_MAX_BYTES,
      env.VLM_CONSOLE_IMAGE_STORE_MAX_BYTES,
    );
  }
  return holder[KEY];
}
