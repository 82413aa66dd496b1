import 'server-only';
// The Python that runs vLLM and SGLang: VLM_CONSOLE_PYTHON when set, else the venv an "Install vLLM" job
// made (recorded in the data dir's settings.json), else the first python3 on PATH.
import fs from 'node:fs';
import path from 'node:path';
import type { AppEnv } from '../env';
import { resolvePython } from './executables';

export function settingsFile(env: AppEnv): string {
  return path.join(/*turbopackIgnore: true*/ env.dataDir, 'settings.json');
}

function installedPython(env: AppEnv): string | null {
  try {
    const settings = JSON.parse(fs.readFileSync(settingsFile(env), 'utf8')) as { python?: unknown };
    return typeof settings.python === 'string' && fs.existsSync(settings.python) ? settings.python : null;
  } catch {
    return null;
  }
}

export function enginePython(env: AppEnv): string | null {
  return resolvePython(env.VLM_CONSOLE_PYTHON, installedPython(env));
}
