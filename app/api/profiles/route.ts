import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { OptionSchema, ProfileSummary, ProfilesResponse } from '@/lib/api/profiles';
import { resolveOptions } from '@/lib/engine/build-command';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { type EngineProfile, PROFILES } from '@/lib/engine/profiles';
import { defaultProfileId } from '@/lib/server/engine/default-profile';
import { getEnv } from '@/lib/server/env';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

function summary(profile: EngineProfile): ProfileSummary {
  const spec = ENGINE_KIND_SPECS[profile.kind];
  // zod's JSON Schema type is the whole draft; the form reads the subset OptionSchema names.
  const optionSchema = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as OptionSchema;
  return {
    id: profile.id,
    label: profile.label,
    kind: profile.kind,
    note: profile.note,
    defaults: profile.defaults,
    reasoningFormat: profile.reasoningFormat,
    images: profile.images,
    video: profile.video ?? null,
    sampling: profile.sampling,
    gpu: profile.gpu,
    optionSchema,
    defaultsValid: resolveOptions(profile, {}).ok,
    extraFlags: spec.extraFlags,
  };
}

// The profiles are constants: their JSON Schemas and default checks are worked out once, not per request.
let summaries: ProfileSummary[] | null = null;

export const GET = route(async () => {
  const env = getEnv();
  summaries ??= PROFILES.map(summary);
  const body: ProfilesResponse = {
    defaultProfile: await defaultProfileId(env),
    profiles: summaries,
    maxVideoBytes: env.VLM_CONSOLE_VIDEO_MAX_BYTES,
  };
  return NextResponse.json(body);
});
