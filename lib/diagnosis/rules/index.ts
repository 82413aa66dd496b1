// The whole rule table. Adding a failure signature is adding a row to one of these groups.
import type { DiagnosisRule } from '../types';
import { ENGINE_RULES } from './engine';
import { GPU_RULES } from './gpu';
import { INSTALL_RULES } from './install';
import { MEMORY_RULES } from './memory';
import { MODEL_RULES } from './model';
import { REQUEST_RULES } from './request';
import { SYSTEM_RULES } from './system';

export { WRAPPER_PATTERNS } from './engine';

export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  ...MEMORY_RULES,
  ...GPU_RULES,
  ...MODEL_RULES,
  ...SYSTEM_RULES,
  ...ENGINE_RULES,
  ...REQUEST_RULES,
  ...INSTALL_RULES,
];
