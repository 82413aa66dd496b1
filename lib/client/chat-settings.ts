// The person's chat settings (system prompt and sampling) as plain data, kept in localStorage.
// A sampling field left empty (null) means "the running profile's recommended value".
import type { ChatParams as ApiChatParams } from '@/lib/api/chat';
import type { SamplingDefaults } from '@/lib/engine/profiles';

export const SETTINGS_KEY = 'vlm-console:settings';

export const SAMPLING_LIMITS = {
  temperature: { min: 0, max: 2, step: 0.05 },
  top_p: { min: 0.01, max: 1, step: 0.01 },
  max_tokens: { min: 1, max: 1_048_576, step: 1 },
} as const;

export type SamplingKey = keyof typeof SAMPLING_LIMITS;

export interface ChatSettings {
  systemPrompt: string;
  temperature: number | null;
  top_p: number | null;
  max_tokens: number | null;
}

export const DEFAULT_SETTINGS: ChatSettings = {
  systemPrompt: '',
  temperature: null,
  top_p: null,
  max_tokens: null,
};

/** `value` when it is a number that `fits`, else null. */
function numberOrNull(value: unknown, fits: (n: number) => boolean): number | null {
  return typeof value === 'number' && Number.isFinite(value) && fits(value) ? value : null;
}

/**
 * Reads stored settings; anything unreadable falls back to the defaults field by field. Checked by hand, not
 * with zod: this runs as the page starts, and zod would weigh on the chat page's first load.
 */
export function parseSettings(raw: string | null): ChatSettings {
  if (!raw) return DEFAULT_SETTINGS;
  let stored: Record<string, unknown>;
  try {
    stored = { ...DEFAULT_SETTINGS, ...JSON.parse(raw) };
  } catch {
    return DEFAULT_SETTINGS;
  }
  const { systemPrompt } = stored;
  return {
    systemPrompt: typeof systemPrompt === 'string' && systemPrompt.length <= 100_000 ? systemPrompt : '',
    temperature: numberOrNull(stored.temperature, (n) => n >= 0 && n <= 2),
    top_p: numberOrNull(stored.top_p, (n) => n > 0 && n <= 1),
    max_tokens: numberOrNull(stored.max_tokens, (n) => Number.isSafeInteger(n) && n >= 1 && n <= 1_048_576),
  };
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
