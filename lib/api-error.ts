// The error body every route answers with; shared by the server and the client fetcher.
export type ApiErrorCode =
  | 'bad_request'
  | 'invalid_json'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'engine_not_ready'
  | 'engine_unavailable'
  | 'engine_rejected'
  | 'generation_not_found'
  | 'generation_gone'
  | 'rate_limited'
  | 'images_missing'
  | 'internal';

export interface ApiErrorBody {
  error: { code: ApiErrorCode; message: string; hint?: string; details?: Record<string, unknown> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}
