import { z } from 'zod';

/** `?profile=<id>`: whose installed engine to ask. */
export const capabilitiesQuerySchema = z
  .object({
    profile: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\w.-]+$/, 'a profile id'),
  })
  .strict();
