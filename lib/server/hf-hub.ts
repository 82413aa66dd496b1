import 'server-only';
// The Hugging Face Hub on this machine, in one place: where huggingface_hub keeps its cache and the saved
// login, whether a model is already cached, and the downloader CLI a launch runs before the engine when it is
// not. Every path is computed the way huggingface_hub computes it (HF_HOME, HF_HUB_CACHE, HF_TOKEN_PATH).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isExecutable, which } from './engine/executables';

/** HF_HOME, else ~/.cache/huggingface. */
export function hubHome(): string {
  return process.env.HF_HOME ?? path.join(/*turbopackIgnore: true*/ os.homedir(), '.cache', 'huggingface');
}

/** The Hub cache folder: HF_HUB_CACHE, else $HF_HOME/hub. */
export function hubCacheDir(): string {
  return process.env.HF_HUB_CACHE ?? path.join(/*turbopackIgnore: true*/ hubHome(), 'hub');
}

/** Where `hf auth login` (and the older `huggingface-cli login`) saves the token. */
export function savedTokenFile(): string {
  return process.env.HF_TOKEN_PATH ?? path.join(/*turbopackIgnore: true*/ hubHome(), 'token');
}

export function hasSavedLogin(): boolean {
  try {
    return fs.statSync(savedTokenFile()).size > 0;
  } catch {
    return false;
  }
}

/** True when a snapshot of the model with a config.json is already in the cache. */
export function isModelCached(modelId: string): boolean {
  const dir = path.join(
    /*turbopackIgnore: true*/ hubCacheDir(),
    `models--${modelId.replace('/', '--')}`,
    'snapshots',
  );
  try {
    return fs
      .readdirSync(dir)
      .some((snap) => fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, snap, 'config.json')));
  } catch {
    return false;
  }
}

/** `hf` (huggingface_hub ≥ 0.34) or the older `huggingface-cli`, preferably beside the chosen Python. */
export function resolveHubDownloader(python: string | null): { executable: string; args: string[] } | null {
  const dirs = python ? [path.dirname(python)] : [];
  for (const name of ['hf', 'huggingface-cli']) {
    const found = [
      ...dirs.map((d) => path.join(/*turbopackIgnore: true*/ d, name)).filter(isExecutable),
      which(name),
    ].find(Boolean);
    if (found) return { executable: found, args: ['download'] };
  }
  return null;
}
