import { NextResponse } from 'next/server';
import { z } from 'zod';
import { ENGINE_KIND_SPECS } from '@/lib/engine/engine-kinds';
import { PROFILES } from '@/lib/engine/profiles';
import { defaultProfileId } from '@/lib/server/engine/default-profile';
import { getEnv } from '@/lib/server/env';
import { route } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const profiles = PROFILES.map((profile) => {
    const spec = ENGINE_KIND_SPECS[profile.kind];
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
      optionSchema: z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }),
      extraFlags: spec.extraFlags,
    };
  });
  const env = getEnv();
  return NextResponse.json({
    defaultProfile: await defaultProfileId(env),
    profiles,
    maxVideoBytes: env.VLM_CONSOLE_VIDEO_MAX_BYTES,
  });
});
