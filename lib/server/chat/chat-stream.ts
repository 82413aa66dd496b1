import 'server-only';
// A browser's view of one generation as Server-Sent Events: every event after the index it already has,
// each with its index as the SSE id, then live ones, ending after `done`.
import { encodeSseEvent } from '@/lib/chat/events';
import { AppError } from '../errors';
import { sseResponse } from '../sse';
import type { Generation } from './generation';

export function streamGeneration(request: Request, generation: Generation, after: number): Response {
  if (!generation.canAttach(after)) {
    throw new AppError(
      'generation_gone',
      'The start of this reply is no longer kept on the server.',
      'Regenerate the reply.',
    );
  }
  return sseResponse(
    request,
    (sink) => {
      const detach = generation.attach(after, (events, firstIndex) => {
        let out = '';
        events.forEach((event, i) => {
          out += encodeSseEvent(event, firstIndex + i);
        });
        sink.send(out);
        if (events.some((e) => e.type === 'done')) setImmediate(() => sink.close());
      });
      return { cleanup: () => detach?.() };
    },
    { 'X-Generation-Id': generation.id },
  );
}
