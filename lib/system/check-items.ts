// Turns the probes' answers into the machine check's lines, each with a status and a plain sentence.
// Pure: the runners in lib/server/system collect the facts, this decides what they mean.
import { gpuItems } from './gpu-items';
import { pythonItems } from './python-items';
import type { CheckItem, DiskReport, NvidiaReport, PythonReport } from './types';

export interface MachineFacts {
  nvidia: NvidiaReport;
  python: PythonReport;
  disk: DiskReport;
  /** Whether HF_TOKEN is set, and whether `hf auth login` saved a token; never the token itself. */
  hfToken: { env: boolean; savedLogin: boolean };
  nodeVersion: string;
}

const GIB = 1024 ** 3;
/** About what the ERNIE AWQ weights take, plus vLLM's compile cache. */
const DISK_WARN_GIB = 25;
const DISK_ERROR_GIB = 5;
const MIN_NODE = [20, 9] as const;

function diskItem(disk: DiskReport): CheckItem {
  const item = { id: 'disk', label: 'Free disk (model cache)' };
  if (disk.status === 'failed') {
    return {
      ...item,
      status: 'warn',
      value: 'unknown',
      sentence: `Could not read the free space at ${disk.path}: ${disk.message}`,
    };
  }
  const free = disk.freeBytes / GIB;
  const value = `${free.toFixed(1)} GiB free`;
  const where = `on the disk of the Hugging Face cache (${disk.path})`;
  if (free < DISK_ERROR_GIB) {
    return {
      ...item,
      status: 'error',
      value,
      sentence: `Only ${value} ${where}: a model download will fail. Free space or move HF_HOME.`,
    };
  }
  if (free < DISK_WARN_GIB) {
    return {
      ...item,
      status: 'warn',
      value,
      sentence: `${value} ${where}: enough for small models, not for the ERNIE AWQ weights (about 18 GB) unless they are cached already.`,
    };
  }
  return { ...item, status: 'ok', value, sentence: `${value} ${where}.` };
}

function hfTokenItem(token: MachineFacts['hfToken']): CheckItem {
  const item = { id: 'hf-token', label: 'Hugging Face token' };
  if (token.env) {
    return { ...item, status: 'ok', value: 'set', sentence: 'HF_TOKEN is set: gated models will download.' };
  }
  if (token.savedLogin) {
    return {
      ...item,
      status: 'ok',
      value: 'saved login',
      sentence: 'HF_TOKEN is not set, but a saved Hugging Face login will be used.',
    };
  }
  return {
    ...item,
    status: 'warn',
    value: 'not set',
    sentence: 'HF_TOKEN is not set: public models download fine, gated ones fail with 401 until you set it.',
  };
}

function nodeItem(version: string): CheckItem {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const tooOld = major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1]);
  return {
    id: 'node',
    label: 'Node.js',
    status: tooOld ? 'error' : 'ok',
    value: version,
    sentence: tooOld
      ? `Node ${version} is too old: the app needs ${MIN_NODE.join('.')} or newer.`
      : `Node ${version}.`,
  };
}

export function checkItems(facts: MachineFacts): CheckItem[] {
  const { nvidia } = facts;
  const hasGpu = nvidia.status === 'ok' && nvidia.gpus.length > 0;
  const driverCuda = nvidia.status === 'ok' ? nvidia.cudaVersion : null;
  return [
    ...gpuItems(nvidia),
    ...pythonItems(facts.python, hasGpu, driverCuda),
    diskItem(facts.disk),
    hfTokenItem(facts.hfToken),
    nodeItem(facts.nodeVersion),
  ];
}
