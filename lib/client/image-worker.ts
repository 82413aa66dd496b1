// The image worker: renders images off the main thread, so a 12-megapixel photo does not freeze typing.
// Loaded with `new Worker(new URL('./image-worker.ts', import.meta.url))` by image-pipeline.ts.
import { type RenderRequest, renderImage } from './image-render';

export type WorkerRequest = RenderRequest & { id: number };
export type WorkerResponse =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof renderImage>> }
  | { id: number; ok: false; error: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

scope.onmessage = async ({ data }) => {
  const { id, ...request } = data;
  try {
    scope.postMessage({ id, ok: true, result: await renderImage(request) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
