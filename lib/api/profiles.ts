// The answer of GET /api/profiles: the launch catalogue as the browser sees it. The route builds it with
// these types and the client reads it with them, so a field added on one side shows on the other.
import type { EngineKind } from '@/lib/engine/engine-kinds';
import type {
  GpuRequirement,
  ImageLimits,
  ReasoningFormat,
  SamplingDefaults,
  VideoLimits,
} from '@/lib/engine/profiles';

/** The part of an option's JSON Schema (zod's `toJSONSchema`, input side) that the form reads. */
export interface JsonSchemaProperty {
  type?: string | string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
  default?: unknown;
}

export interface OptionSchema {
  properties?: Record<string, JsonSchemaProperty>;
  required?: string[];
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
  video: VideoLimits | null;
  sampling: SamplingDefaults;
  gpu: GpuRequirement | null;
  optionSchema: OptionSchema;
  /**
   * Whether the defaults alone pass the option checks: false where a model, a file or a URL must be typed in
   * first. The launch form trusts it until edited, so that its first screen needs no schema in the browser.
   */
  defaultsValid: boolean;
  extraFlags: string[];
}

export interface ProfilesResponse {
  defaultProfile: string;
  profiles: ProfileSummary[];
  /** The server's per-clip cap (VLM_CONSOLE_VIDEO_MAX_BYTES). */
  maxVideoBytes: number;
}
