// Shapes of API answers the UI reads, beyond the engine status in lib/engine/types.ts. The profiles answer is
// declared once, beside the other wire shapes in lib/api/.
export type { JsonSchemaProperty, ProfileSummary, ProfilesResponse } from '@/lib/api/profiles';
