import { z } from 'zod';

/** A pasted log: up to 2 MB of text (counted in characters; the body cap counts the bytes). */
export const MAX_DIAGNOSE_CHARS = 2 * 1024 * 1024;

export const diagnoseBodySchema = z
  .object({
    text: z.string().min(1, 'paste a log').max(MAX_DIAGNOSE_CHARS, 'at most 2 MB of log text'),
  })
  .strict();
