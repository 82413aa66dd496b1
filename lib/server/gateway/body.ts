import 'server-only';
// The body of a POST to /v1: a JSON object, size-capped while it arrives (images included, as base64), with
// the nesting and key checks every route has. The gateway reads only `stream` and `stream_options`; the
// rest is the engine's to validate, in its own words.
import { z } from 'zod';
import { getEnv } from '../env';
import { readJson } from '../read-body';
import { GatewayError } from './openai-error';

const bodySchema = z.looseObject({
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

export interface GatewayBody {
  /** What goes to the engine. */
  payload: Buffer;
  stream: boolean;
  /** The gateway asked for usage on the client's behalf: drop it from the client's view. */
  stripUsage: boolean;
}

export function maxBodyBytes(): number {
  // Room for the allowed images as base64 (4/3 of their size) plus the text, as for the app's own chat.
  return Math.round(getEnv().VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES * 1.4 + 8_000_000);
}

export async function readGatewayBody(request: Request, canStream: boolean): Promise<GatewayBody> {
  const parsed = bodySchema.safeParse(await readJson(request, { maxBytes: maxBodyBytes(), maxDepth: 32 }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw new GatewayError(400, 'invalid_request', `${field}: ${issue?.message ?? 'invalid value'}`);
  }
  const body = parsed.data;
  const stream = canStream && body.stream === true;
  // Token counts come from the engine's usage; when streaming it only sends them if asked.
  const stripUsage = stream && body.stream_options?.include_usage !== true;
  const payload = stripUsage
    ? { ...body, stream_options: { ...(body.stream_options ?? {}), include_usage: true } }
    : body;
  return { payload: Buffer.from(JSON.stringify(payload)), stream, stripUsage };
}
