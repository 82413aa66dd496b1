import { z } from 'zod';

/** `?refresh=1` runs the probes again instead of answering from the 30-second cache. */
export const systemQuerySchema = z.object({ refresh: z.enum(['0', '1']).optional() }).strict();
