import { z } from 'zod';
import { VLLM_VERSION } from '@/lib/engine/vllm-install';

// No version: the app picks the pin that suits the driver's CUDA version.
export const installBodySchema = z
  .object({ version: z.string().regex(VLLM_VERSION, 'must be a version number like 0.11.2').optional() })
  .strict();
