// The person's chat settings (system prompt and sampling) as plain data, kept in localStorage.
// A sampling field left empty (null) means "the running profile's recommended value".
// zod/mini: the settings are read as the page starts, and the full zod API would weigh on its first load.
import '@/lib/zod-config';
import * as z from 'zod/mini';
import type { ChatParams as ApiChatParams } from '@/lib/api/chat';
import type { SamplingDefaults } from '@/lib/engine/profiles';

export const SETTINGS_KEY = 'vlm-console:settings';

export const SAMPLING_LIMITS = {
  temperature: { min: 0, max: 2, step: 0.05 },
  top_p: { min: 0.01, max: 1, step: 0.01 },
  max_tokens: { min: 1, max: 1_048_576, step: 1 },
} as const;

export type SamplingKey = keyof typeof SAMPLING_LIMITS;

const settingsSchema = z.object({
  systemPrompt: z.catch(z.string().check(z.maxLength(100_000)), ''),
  temperature: z.catch(z.nullable(z.number().check(z.minimum(0), z.maximum(2))), null),
  top_p: z.catch(z.nullable(z.number().check(z.gt(0), z.maximum(1))), null),
  max_tokens: z.catch(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(1_048_576))), null),
});

export type ChatSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: ChatSettings = {
  systemPrompt: '',
  temperature: null,
  top_p: null,
  max_tokens: null,
};

/** Reads stored settings; anything unreadable falls back to the defaults field by field. */
export function parseSettings(raw: string | null): ChatSettings {
  if (!raw) return DEFAULT_SETTINGS;
  try {
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...JSON.parse(raw) });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** The sampling fields of the chat body that the settings panel sets. */
export type ChatParams = Pick<ApiChatParams, SamplingKey>;

/** What goes to the server: the person's values, else the profile's, and only those that exist. */
export function effectiveParams(settings: ChatSettings, defaults: SamplingDefaults | null): ChatParams {
  const params: ChatParams = {};
  for (const key of Object.keys(SAMPLING_LIMITS) as SamplingKey[]) {
    const value = settings[key] ?? defaults?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) params[key] = value;
  }
  return params;
}

/** Turns what is typed in a sampling field into a stored value: empty → null, out of range → clamped. */
export function sampleValue(key: SamplingKey, text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const { min, max } = SAMPLING_LIMITS[key];
  const clamped = Math.min(max, Math.max(min, n));
  return key === 'max_tokens' ? Math.round(clamped) : clamped;
}
