import { z } from 'zod';

export const signInBodySchema = z.union([
  z.object({ token: z.string().min(1).max(512) }).strict(),
  z.object({ code: z.string().min(1).max(128) }).strict(),
]);
