// The catalogue of `--fail` kinds. Each kind names the startup event after which it strikes (`after`), may adjust
// the run's numbers first (`tweak`, e.g. a smaller KV cache) and builds its excerpt (`build`). The ids match the
// categories of the app's diagnosis rules, so adding a failure signature is adding a row here.

import { API_KINDS } from './failure-kinds-api.mjs';
import { ENGINE_KINDS } from './failure-kinds-engine.mjs';
import { GPU_KINDS } from './failure-kinds-gpu.mjs';

/** @type {Record<string, import('./failure-kinds-api.mjs').FailureKind>} */
export const FAILURES = { ...API_KINDS, ...GPU_KINDS, ...ENGINE_KINDS };

export const FAILURE_KINDS = Object.keys(FAILURES).sort();
