import 'server-only';
// The gateway answers in OpenAI's error shape (`{"error": {"message", "type", "param", "code"}}`), not the
// console's, so that OpenAI clients show the message. Console errors thrown by shared helpers (body caps,
// JSON parsing) are translated here.
import { AppError } from '../errors';
import { CORS_HEADERS } from './cors';

const TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  405: 'invalid_request_error',
  413: 'invalid_request_error',
  429: 'rate_limit_error',
  502: 'api_error',
  503: 'service_unavailable_error',
};

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(status: number, code: string, message: string) {
  return { error: { message, type: TYPES[status] ?? 'api_error', param: null, code } };
}

export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof AppError) {
    const message = error.hint ? `${error.message} ${error.hint}` : error.message;
    return new GatewayError(error.status, error.code, message, error.extras.headers);
  }
  console.error('[vlm-console] gateway error', error);
  return new GatewayError(500, 'internal', 'Something went wrong in the app; the details are in its log.');
}

export function errorResponse(error: GatewayError): Response {
  return Response.json(errorBody(error.status, error.code, error.message), {
    status: error.status,
    headers: { 'Cache-Control': 'no-store', ...CORS_HEADERS, ...error.headers },
  });
}

/** One SSE event in the engine's in-band error form (what vLLM sends when a stream fails mid-way). */
export function sseErrorEvent(status: number, code: string, message: string): string {
  return `data: ${JSON.stringify(errorBody(status, code, message))}\n\n`;
}
