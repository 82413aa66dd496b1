// Each engine kind: its flag tables (engine-flags.ts) with the zod schema its launch options must pass.
// The server validates with these; the browser reads the flag tables alone until the form is edited.
import type { ZodMiniType } from 'zod/mini';
import { ENGINE_FLAG_SPECS, type EngineFlagSpec, type EngineKind } from './engine-flags';
import {
  externalOptionsSchema,
  llamaCppOptionsSchema,
  sglangOptionsSchema,
  vllmOptionsSchema,
} from './option-schemas';

export {
  ENGINE_KINDS,
  type EngineFlagSpec,
  type EngineKind,
  type FlagRule,
  type IntrospectSpec,
  type WhenSupportedFlag,
} from './engine-flags';

export interface EngineKindSpec extends EngineFlagSpec {
  schema: ZodMiniType;
}

const F = ENGINE_FLAG_SPECS;

export const ENGINE_KIND_SPECS: Record<EngineKind, EngineKindSpec> = {
  vllm: { ...F.vllm, schema: vllmOptionsSchema },
  // The demo engine speaks vLLM's options.
  demo: { ...F.demo, schema: vllmOptionsSchema },
  sglang: { ...F.sglang, schema: sglangOptionsSchema },
  'llama-cpp': { ...F['llama-cpp'], schema: llamaCppOptionsSchema },
  external: { ...F.external, schema: externalOptionsSchema },
};
