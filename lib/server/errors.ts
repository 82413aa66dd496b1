import 'server-only';
// One error type for every route: a code that maps to an HTTP status, a message for people, an optional hint.
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { type ApiErrorBody, SERVER_ERROR_STATUS, type ServerErrorCode } from '@/lib/api-error';

export class AppError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly hint?: string,
    readonly extras: {
      headers?: Record<string, string>;
      details?: Record<string, unknown>;
      /** The input refused (dotted path); the message should begin with it too, for readers without a form. */
      field?: string;
    } = {},
  ) {
    super(message);
  }

  get status(): number {
    return SERVER_ERROR_STATUS[this.code];
  }

  toResponse(): NextResponse<ApiErrorBody> {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } };
    if (this.hint) body.error.hint = this.hint;
    if (this.extras.field) body.error.field = this.extras.field;
    if (this.extras.details) body.error.details = this.extras.details;
    const headers = { 'Cache-Control': 'no-store', ...this.extras.headers };
    return NextResponse.json(body, { status: this.status, headers });
  }
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  const first = error.issues[0];
  const field = [prefix, ...(first?.path ?? []).map(String)].filter(Boolean).join('.') || 'body';
  return fieldError(field, first?.message ?? 'invalid value');
}

/** A refused input: `field: problem` as the message, and the field on its own for forms. */
export function fieldError(field: string, problem: string, hint?: string): AppError {
  return new AppError('validation_failed', `${field}: ${problem}`, hint, { field });
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
