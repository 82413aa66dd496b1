import { z } from 'zod';
import { VLLM_VERSION } from '@/lib/engine/vllm-install';

// A plain release number only: it becomes part of a pip/uv argument, never a shell string.
const version = z.string().max(32).regex(VLLM_VERSION, 'must be a version number like 0.31.0');

// No version: the planner's default (the newest release known to serve ERNIE-4.5-VL), built for the driver.
export const installBodySchema = z.object({ version: version.optional() }).strict();

/** `GET /api/engine/install/plan?version=0.30.0`; without it, the default. */
export const planQuerySchema = z.object({ version: version.optional() }).strict();
