// The SSE wire format, written once for every stream the app serves (engine log, chat): `id: N` (optional),
// `event: <name>`, one `data:` line of JSON, a blank line. JSON.stringify escapes CR and LF, so the payload
// always fits on one `data:` line. Isomorphic: the server writes with it and tests build wire text with it.

export function sseEvent(event: string, data: unknown, id?: number): string {
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}
