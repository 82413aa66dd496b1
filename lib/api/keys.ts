// Request schemas of /api/keys, shared by the routes and the settings form (types inferred from them).
import { z } from 'zod';
import { KEY_SCOPES } from '@/lib/gateway/types';

export const createKeySchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    scope: z.enum(KEY_SCOPES),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

export const keyIdSchema = z.uuid();
