import 'server-only';
// Finds the programs a launch needs: the Python that runs vLLM/SGLang, llama-server, the Hub downloader.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function which(name: string): string | null {
  if (name.includes('/')) return isExecutable(name) ? name : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(/*turbopackIgnore: true*/ dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** VLM_CONSOLE_PYTHON when set; else the venv an "Install vLLM" job made; else the first python3. */
export function resolvePython(
  configured: string | undefined,
  installed: string | null = null,
): string | null {
  if (configured) return which(configured);
  return installed ?? which('python3');
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

/** The Hub cache folder, honouring HF_HUB_CACHE and HF_HOME as huggingface_hub does. */
export function hubCacheDir(): string {
  if (process.env.HF_HUB_CACHE) return process.env.HF_HUB_CACHE;
  const home =
    process.env.HF_HOME ?? path.join(/*turbopackIgnore: true*/ os.homedir(), '.cache', 'huggingface');
  return path.join(/*turbopackIgnore: true*/ home, 'hub');
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

export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}
