import { z } from 'zod';

export const generationIdSchema = z.uuid({ error: 'must be a generation id' });

export const afterSchema = z.coerce.number().int().min(-1).max(Number.MAX_SAFE_INTEGER);

export const reattachBodySchema = z.object({ after: afterSchema.optional() }).strict();
