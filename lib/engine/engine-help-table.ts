// What the launcher knows about an engine's flags: from the installed engine's own help when it could be
// asked, else from the built-in table in engine-flags.ts. The command builder and the capabilities route
// both read this shape.
import { ENGINE_FLAG_SPECS, type EngineKind } from './engine-flags';
import type { FlagTable } from './engine-help';

export interface EngineCapabilities {
  kind: EngineKind;
  version: string | null;
  source: 'engine' | 'static';
  flags: FlagTable;
  /** Why the built-in table serves (engine not found, help unreadable); null when the engine answered. */
  reason: string | null;
}

const KIND_NAMES: Record<EngineKind, string> = {
  vllm: 'vLLM',
  sglang: 'SGLang',
  'llama-cpp': 'llama-server',
  external: 'the external server',
  demo: 'the demo engine',
};

/** "vLLM 0.11.0", "llama-server b6450 (abc)": how launch-log lines name the engine. */
export function engineLabel(caps: Pick<EngineCapabilities, 'kind' | 'version'>): string {
  return caps.version ? `${KIND_NAMES[caps.kind]} ${caps.version}` : KIND_NAMES[caps.kind];
}

/** The built-in table as a flag table: every flag the app sets or allows, with the arity it records. */
export function staticCapabilities(kind: EngineKind, reason: string): EngineCapabilities {
  const spec = ENGINE_FLAG_SPECS[kind];
  const flags: FlagTable = {};
  const all = [
    spec.hostFlag,
    spec.portFlag,
    spec.apiKey && 'flag' in spec.apiKey ? spec.apiKey.flag : undefined,
    ...spec.flags.map((r) => r.flag),
    ...spec.extraFlags,
  ];
  for (const flag of all) {
    if (!flag) continue;
    const arity = spec.switchFlags.includes(flag)
      ? 'none'
      : spec.optionalValueFlags?.includes(flag)
        ? 'optional'
        : 'required';
    flags[flag] = { arity };
  }
  for (const rule of spec.flags) if (rule.as === 'switch') flags[rule.flag] = { arity: 'none' };
  return { kind, version: null, source: 'static', flags, reason };
}

/** The flags a user may add as extra flags: on the app's list and, when the engine was asked, known to it. */
export function allowedExtraFlags(caps: EngineCapabilities): string[] {
  const spec = ENGINE_FLAG_SPECS[caps.kind];
  return spec.extraFlags.filter((f) => caps.source === 'static' || f in caps.flags);
}

/** GET /api/engine/capabilities: what the launcher knows about the profile's engine, and from where. */
export interface CapabilitiesResponse {
  kind: EngineKind;
  version: string | null;
  source: 'engine' | 'static';
  /** Every flag the engine's help lists (or the built-in table), sorted. */
  flags: string[];
  /** Of those, the ones a user may add as extra flags. */
  extraFlags: string[];
  reason: string | null;
}

/** One short line for the launch form: where the flag knowledge came from. */
export function flagSourceLine(
  caps: Pick<CapabilitiesResponse, 'kind' | 'version' | 'source' | 'reason'>,
): string {
  if (caps.source === 'engine') return `Flags from ${engineLabel(caps)}'s help.`;
  return `Built-in flag list: ${caps.reason ?? 'the engine was not asked'}.`;
}
