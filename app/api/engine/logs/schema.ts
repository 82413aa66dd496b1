import { z } from 'zod';

export const sinceSchema = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const logsBodySchema = z.object({ since: sinceSchema.optional() }).strict();
