import { z } from 'zod';

// Option values are validated per engine kind once the profile is known (lib/engine/option-schemas.ts).
export const startBodySchema = z
  .object({
    profile: z.string().min(1).max(64),
    options: z.record(z.string().max(64), z.unknown()).default({}),
  })
  .strict();
