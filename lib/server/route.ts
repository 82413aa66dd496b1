import 'server-only';
// Wraps a route handler so that every failure becomes the shared JSON error body, never a bare 500 page.
import { toErrorResponse } from './errors';

type Handler<A extends unknown[]> = (request: Request, ...rest: A) => Promise<Response>;

export function route<A extends unknown[]>(handler: Handler<A>): Handler<A> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
