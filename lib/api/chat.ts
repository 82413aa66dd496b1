// The wire shapes of the chat routes: POST /api/chat and the reattach of POST /api/chat/[id]/stream. The
// routes validate with these schemas and the browser builds its bodies from the types inferred here, so the
// two sides cannot drift. Isomorphic: zod only.
import { z } from 'zod';

// Bounds: generous for real use, small enough that a hostile body costs little. Images arrive as data URLs
// of the formats vision models take; their bytes are checked again when the images feature validates them.
const DATA_URL = /^data:image\/(?:png|jpeg|webp|gif|bmp);base64,[A-Za-z0-9+/]+={0,2}$/;

const textPart = z.object({ type: z.literal('text'), text: z.string().max(200_000) }).strict();
const imagePart = z
  .object({
    type: z.literal('image_url'),
    image_url: z
      .object({
        url: z
          .string()
          .max(16_000_000)
          .regex(DATA_URL, 'must be a base64 data URL of a PNG, JPEG, WebP, GIF or BMP'),
        detail: z.enum(['auto', 'low', 'high']).optional(),
      })
      .strict(),
  })
  .strict();

/** An image uploaded before with POST /api/images, by the SHA-256 of its bytes. */
const imageRefPart = z
  .object({
    type: z.literal('image_ref'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex key'),
  })
  .strict();

// Video clips for models that take them (the server refuses them for the others): a data URL, or a clip
// uploaded before with POST /api/videos. Their bytes are checked again when the clip is resolved.
const VIDEO_DATA_URL = /^data:video\/(?:mp4|quicktime|webm|x-matroska);base64,[A-Za-z0-9+/]+={0,2}$/;
const videoPart = z
  .object({
    type: z.literal('video_url'),
    video_url: z
      .object({
        url: z
          .string()
          .max(600_000_000)
          .regex(VIDEO_DATA_URL, 'must be a base64 data URL of an MP4, MOV or WebM clip'),
      })
      .strict(),
  })
  .strict();
const videoRefPart = z
  .object({
    type: z.literal('video_ref'),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex key'),
  })
  .strict();

const message = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string().max(100_000) }).strict(),
  z
    .object({
      role: z.literal('user'),
      content: z.union([
        z.string().max(200_000),
        z
          .array(z.union([textPart, imagePart, imageRefPart, videoPart, videoRefPart]))
          .min(1)
          .max(64),
      ]),
    })
    .strict(),
  z.object({ role: z.literal('assistant'), content: z.string().max(1_000_000) }).strict(),
]);

export const chatParamsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    max_tokens: z.number().int().min(1).max(1_048_576).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    stop: z.array(z.string().min(1).max(64)).max(4).optional(),
  })
  .strict();

export const chatBodySchema = z
  .object({
    messages: z
      .array(message)
      .min(1)
      .max(1000)
      .refine((m) => m.at(-1)?.role === 'user', { message: 'the last message must be from the user' }),
    params: chatParamsSchema.default({}),
  })
  .strict();

/** The body as the route sees it after parsing (params defaulted). */
export type ChatBody = z.infer<typeof chatBodySchema>;
/** The body as the browser sends it. */
export type ChatBodyInput = z.input<typeof chatBodySchema>;
export type ChatParams = z.infer<typeof chatParamsSchema>;
export type RequestMessage = ChatBody['messages'][number];
export type UserContent = Extract<RequestMessage, { role: 'user' }>['content'];
export type RequestPart = Exclude<UserContent, string>[number];
export type TextPart = Extract<RequestPart, { type: 'text' }>;
export type ImageRefPart = Extract<RequestPart, { type: 'image_ref' }>;

export const generationIdSchema = z.uuid({ error: 'must be a generation id' });

export const afterSchema = z.coerce.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);

export const reattachBodySchema = z.object({ after: afterSchema.optional() }).strict();

export type ReattachBody = z.input<typeof reattachBodySchema>;
