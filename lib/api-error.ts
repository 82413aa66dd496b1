// The error contract of every route, shared by the server and the browser: each code once, with the HTTP
// status the server answers it with, and the codes the browser gives failures no server answer carried.
// Body: `{ error: { code, message, hint?, field?, details? } }`; `field` names the input that was refused
// (`options.maxModelLen`, `messages.0.content`), so a form can put the message beside it.

/** Codes a route answers with, and their status. */
export const SERVER_ERROR_STATUS = {
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
} as const satisfies Record<string, number>;

export type ServerErrorCode = keyof typeof SERVER_ERROR_STATUS;

/** Codes the browser makes up itself for failures no server answer carried, with the status it gives them. */
export const CLIENT_ERRORS = {
  /** The app server could not be reached (fetch threw). */
  network_error: { status: 0 },
  /** A reply is still streaming; a conflict, like the server's. */
  busy: { status: 409 },
  /** IndexedDB refused the write (quota, private mode). */
  storage: { status: 0 },
  /** The message or reply acted on was deleted meanwhile. */
  gone: { status: 0 },
  /** An attached image failed to prepare or upload, or there are too many. */
  image_not_ready: { status: 0 },
  /** An error answer without our JSON body (a proxy's page, say); its status is the answer's. */
  http_error: { status: 0 },
} as const satisfies Record<string, { status: number }>;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;

export type ApiErrorCode = ServerErrorCode | ClientErrorCode;

export interface ApiErrorBody {
  error: {
    code: ServerErrorCode;
    message: string;
    hint?: string;
    /** The input refused, as a dotted path; on validation errors. */
    field?: string;
    details?: Record<string, unknown>;
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly hint?: string,
    readonly details?: Record<string, unknown>,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An error the browser raises itself (see CLIENT_ERRORS). */
export function clientError(code: ClientErrorCode, message: string, hint?: string): ApiError {
  return new ApiError(CLIENT_ERRORS[code].status, code, message, hint);
}

export function isApiErrorCode(code: unknown): code is ApiErrorCode {
  return (
    typeof code === 'string' &&
    (Object.hasOwn(SERVER_ERROR_STATUS, code) || Object.hasOwn(CLIENT_ERRORS, code))
  );
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * What a refused field's message says about it alone. The server writes `field: problem` so that the message
 * reads on its own (curl, the notice); beside the field in a form, the problem is enough.
 */
export function fieldProblem(error: Pick<ApiError, 'message' | 'field'>): string {
  const prefix = `${error.field}: `;
  return error.field && error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

/**
 * A validation error on a field under `group`, keyed by the field's name in it: the server's 400 on
 * `options.maxModelLen` → `{ maxModelLen: 'Too big…' }` for the launch form. Empty for any other error.
 */
export function groupFieldErrors(error: ApiError | null, group: string): Record<string, string> {
  const [head, key] = error?.field?.split('.') ?? [];
  if (error?.code !== 'validation_failed' || head !== group || !key) return {};
  return { [key]: fieldProblem(error) };
}
