// Shapes of API answers the UI reads, beyond the engine status in lib/engine/types.ts.
import type { EngineKind } from '@/lib/engine/engine-kinds';
import type { ImageLimits, ReasoningFormat, SamplingDefaults, VideoLimits } from '@/lib/engine/profiles';

export interface JsonSchemaProperty {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  default?: unknown;
}

export interface ProfileSummary {
  id: string;
  label: string;
  kind: EngineKind;
  note: string;
  defaults: Record<string, unknown>;
  reasoningFormat: ReasoningFormat;
  images: ImageLimits;
  /** Null for models that take no video clips. */
  video?: VideoLimits | null;
  sampling: SamplingDefaults;
  optionSchema: { properties?: Record<string, JsonSchemaProperty>; required?: string[] };
  extraFlags: string[];
}

export interface ProfilesResponse {
  defaultProfile: string;
  profiles: ProfileSummary[];
  /** The server's per-clip cap (VLM_CONSOLE_VIDEO_MAX_BYTES). */
  maxVideoBytes?: number;
}
