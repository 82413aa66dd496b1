import 'server-only';
// One error type for every route: a code that maps to an HTTP status, a message for people, an optional hint.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '@/lib/api-error';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  invalid_json: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  engine_not_ready: 409,
  engine_unavailable: 503,
  engine_rejected: 400,
  generation_not_found: 404,
  generation_gone: 410,
  rate_limited: 429,
  images_missing: 409,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly hint?: string,
    readonly extras: { headers?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }

  toResponse(): NextResponse<ApiErrorBody> {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.hint) body.error.hint = this.hint;
    if (this.extras.details) body.error.details = this.extras.details;
    const headers = { 'Cache-Control': 'no-store', ...this.extras.headers };
    return NextResponse.json(body, { status: this.status, headers });
  }
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  const first = error.issues[0];
  const field = [prefix, ...(first?.path ?? []).map(String)].filter(Boolean).join('.') || 'body';
  return new AppError('validation_failed', `${field}: ${first?.message ?? 'invalid value'}`);
}

/** Anything thrown that is not an AppError is a bug: log it, answer 500 without internals. */
export function toErrorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) return error.toResponse();
  console.error('[vlm-console] unexpected error', error);
  return new AppError(
    'internal',
    'Something went wrong on the server; the details are in its log.',
  ).toResponse();
}
