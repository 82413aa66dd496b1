// vLLM runs its engine in a second process (EngineCore) that outlives a SIGKILL of the API server and keeps
// the GPU (vLLM issue 55510), while a clean shutdown takes it along. The demo engine has such a process too,
// so the supervisor's clean-up is proven on a real process tree, not on a single process.
import { spawn } from 'node:child_process';

/** Starts the stand-in EngineCore; it ends with this process only when this process exits normally. */
export function startEngineCore() {
  const core = spawn(
    process.execPath,
    ['-e', "process.title = 'VLLM::EngineCore'; setInterval(() => {}, 1 << 30);"],
    {
      stdio: 'ignore',
    },
  );
  core.unref();
  process.on('exit', () => core.kill('SIGTERM'));
  return core.pid ?? null;
}
