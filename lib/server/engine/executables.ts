import 'server-only';
// Finds the programs a launch needs: the Python that runs vLLM/SGLang, llama-server (the Hub downloader and
// cache are in ../hf-hub.ts).
import fs from 'node:fs';
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

export function isExecutable(file: string): boolean {
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
