// The run-wide facts every part of the demo engine agrees on: options, process tags, the simulated GPU and
// the KV-cache numbers derived from it (so the startup log, failure messages and /metrics tell one story).

export const VERSION = '0.11.2+demo';

// A simulated 40 GB A100 running an ERNIE-4.5-VL-sized model: 56 KiB of KV cache per token in BF16.
const GPU_TOTAL_GIB = 39.49;
const WEIGHTS_GIB = 16.42;
const ACTIVATIONS_GIB = 1.63;
const KV_BYTES_PER_TOKEN = 56 * 1024;
const GIB = 1024 ** 3;
const BLOCK = 16;

/**
 * @typedef {object} Context
 * @property {Record<string, any>} opts parsed flags
 * @property {string[]} given dests of the flags that were passed (for `non-default args`)
 * @property {number} pid
 * @property {string} api `(APIServer pid=N)`
 * @property {string} engine `(EngineCore_DP0 pid=M)` — M is invented; there is no second process
 * @property {string} worker `(Worker_TP1 pid=W)`, used by multi-GPU failure excerpts
 * @property {{ availGiB: number, tokens: number }} kv
 * @property {number} gpuTotalGiB
 * @property {number} weightsGiB
 * @property {number} kvBytesPerToken
 */

/**
 * @param {Record<string, any>} opts
 * @param {string[]} given
 * @param {number | null} [corePid] pid of the stand-in EngineCore process, shown in its log prefix
 * @returns {Context}
 */
export function createContext(opts, given, corePid = null) {
  const pid = process.pid;
  const budget = GPU_TOTAL_GIB * opts.gpuMemoryUtilization - WEIGHTS_GIB - ACTIVATIONS_GIB;
  return {
    opts,
    given,
    pid,
    api: `(APIServer pid=${pid})`,
    engine: `(EngineCore_DP0 pid=${corePid ?? pid + 211})`,
    worker: `(Worker_TP1 pid=${pid + 307})`,
    kv: kvFromGiB(Math.max(budget, 0.5)),
    gpuTotalGiB: GPU_TOTAL_GIB,
    weightsGiB: WEIGHTS_GIB,
    kvBytesPerToken: KV_BYTES_PER_TOKEN,
  };
}

/** @param {number} availGiB */
export function kvFromGiB(availGiB) {
  const tokens = Math.max(0, Math.floor((availGiB * GIB) / KV_BYTES_PER_TOKEN / BLOCK) * BLOCK);
  return { availGiB: Math.round(availGiB * 100) / 100, tokens };
}

/** @param {number} tokens */
export const kvGiB = (tokens) => (tokens * KV_BYTES_PER_TOKEN) / GIB;
