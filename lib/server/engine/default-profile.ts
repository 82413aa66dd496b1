import 'server-only';
// Which profile the launcher preselects: ERNIE where a GPU and vLLM are present, the demo engine elsewhere,
// so that a machine without a GPU still shows the whole flow in a minute.
import { execFile } from 'node:child_process';
import { findProfile } from '@/lib/engine/profiles';
import type { AppEnv } from '../env';
import { which } from './executables';
import { enginePython } from './python';

const GPU_PROFILE = 'ernie-4.5-vl-thinking-awq';
let cached: Promise<string> | null = null;

function output(file: string, args: string[], timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs }, (error, stdout) => resolve(error ? null : stdout.trim()));
  });
}

export function defaultProfileId(env: AppEnv): Promise<string> {
  if (env.VLM_CONSOLE_DEFAULT_PROFILE && findProfile(env.VLM_CONSOLE_DEFAULT_PROFILE)) {
    return Promise.resolve(env.VLM_CONSOLE_DEFAULT_PROFILE);
  }
  cached ??= (async () => {
    const smi = which('nvidia-smi');
    const python = enginePython(env);
    if (!smi || !python) return 'demo';
    const [gpu, vllm] = await Promise.all([
      output(smi, ['--query-gpu=name', '--format=csv,noheader'], 5000).then((out) => Boolean(out)),
      // find_spec does not import vLLM (which takes seconds), it only checks that it is installed.
      output(
        python,
        ['-c', "import importlib.util as u; print('yes' if u.find_spec('vllm') else 'no')"],
        10_000,
      ).then((out) => out === 'yes'),
    ]);
    return gpu && vllm ? GPU_PROFILE : 'demo';
  })();
  return cached;
}
