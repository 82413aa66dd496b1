export { groundingFamily, MODEL_FAMILIES } from './families.mjs';
export { GROUNDING_FORMATS } from './formats';
export { parseGrounding } from './parse-grounding';
export { type SentSize, toRelative } from './relative';
export type * from './types';
