// The browser's only HTTP helpers. Errors come back as ApiError, built from the server's JSON error body.
import { ApiError, isApiErrorBody, isApiErrorCode } from '@/lib/api-error';

/** ngrok's free tier answers the first request of a browser with a warning page unless this header is sent. */
export const COMMON_HEADERS = { 'ngrok-skip-browser-warning': '1' } as const;

async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  if (isApiErrorBody(body)) {
    const { code, message, hint, details, field } = body.error;
    // A code this build does not know (a newer server) still reads as an error answer.
    return new ApiError(
      res.status,
      isApiErrorCode(code) ? code : 'http_error',
      message,
      hint,
      details,
      field,
    );
  }
  // Not our JSON (a proxy's or tunnel's own page): the status is all there is to say.
  return new ApiError(res.status, 'http_error', `The server answered HTTP ${res.status}.`);
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: COMMON_HEADERS, cache: 'no-store' });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...COMMON_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** DELETE; the answer (204) has no body. */
export async function deleteRequest(url: string): Promise<void> {
  const res = await fetch(url, { method: 'DELETE', headers: COMMON_HEADERS });
  if (!res.ok) throw await toApiError(res);
}

/** Posts raw bytes (an image) with their own Content-Type; the answer is JSON. */
export async function postBytes<T>(url: string, body: Blob, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...COMMON_HEADERS, 'Content-Type': body.type || 'application/octet-stream' },
    body,
    signal,
  });
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** Opens a POST event stream (see the logs route for why POST) and returns its reader. */
export async function openEventStream(
  url: string,
  body: unknown,
  signal: AbortSignal,
  lastEventId?: string,
): Promise<ReadableStreamDefaultReader<Uint8Array>> {
  const headers: Record<string, string> = {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json',
    Accept: 'text/event-stream',
  };
  if (lastEventId) headers['Last-Event-ID'] = lastEventId;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
  if (!res.ok || !res.body) throw await toApiError(res);
  return res.body.getReader();
}
