// The whole rule table. Adding a failure signature is adding a row to one of these groups.
import type { DiagnosisRule } from '../types';
import { ENGINE_RULES } from './engine';
import { GPU_RULES } from './gpu';
import { INSTALL_RULES } from './install';
import { LLAMA_CPP_RULES } from './llama-cpp';
import { MEMORY_RULES } from './memory';
import { MODEL_RULES } from './model';
import { REQUEST_RULES } from './request';
import { SGLANG_RULES } from './sglang';
import { SYSTEM_RULES } from './system';

export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  ...MEMORY_RULES,
  ...GPU_RULES,
  ...MODEL_RULES,
  ...SYSTEM_RULES,
  ...ENGINE_RULES,
  ...REQUEST_RULES,
  ...LLAMA_CPP_RULES,
  ...SGLANG_RULES,
  ...INSTALL_RULES,
];
