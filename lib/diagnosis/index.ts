// Public surface of the launch-failure diagnosis. Pure and isomorphic: safe to import from the server and the UI.
export { cleanLine } from '@/lib/engine/vllm-log';
export { diagnose, diagnoseLines } from './diagnose';
export { EngineGuess, engineFamilyOf } from './engine-guess';
export { type LineMatch, matchLine } from './match-line';
export { formatCount } from './patches';
export { DIAGNOSIS_RULES } from './rules';
export { createDiagnosisScanner, type DiagnosisScanner } from './scanner';
export * from './types';
export { ENGINE_NAMES } from './unknown';
