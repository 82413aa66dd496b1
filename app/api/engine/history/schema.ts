import { z } from 'zod';

/** `?profile=<id>` picks whose last ready launch to return; by default the profile of the current launch. */
export const historyQuerySchema = z
  .object({
    profile: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\w.-]+$/, 'a profile id')
      .optional(),
  })
  .strict();
