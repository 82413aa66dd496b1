// The Python probe: one `python -c` script and the parser of what it prints. The script prints a first JSON
// line from package metadata (fast: nothing heavy is imported, vLLM never is), then imports torch for its CUDA
// build and prints a second line. Importing torch can take many seconds; when the runner's timeout kills the
// script, the first line is still there and torch is reported as timed out.
import type { PythonReport, TorchReport } from './types';

export const PYTHON_PROBE_SCRIPT = `
import json, sys
def out(d):
    print(json.dumps(d), flush=True)
try:
    import importlib.metadata as md, importlib.util as iu
except ImportError:
    out({"probe": "meta", "python": sys.version.split()[0], "executable": sys.executable, "error": "no importlib.metadata"})
    sys.exit(0)
def ver(name):
    try:
        return md.version(name)
    except Exception:
        return None
def spec(name):
    try:
        return iu.find_spec(name) is not None
    except Exception:
        return False
torch_version = ver("torch")
out({"probe": "meta", "python": sys.version.split()[0], "executable": sys.executable,
     "vllm": ver("vllm"), "vllm_spec": spec("vllm"), "torch": torch_version, "transformers": ver("transformers")})
if torch_version or spec("torch"):
    import warnings
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            import torch
            available = torch.cuda.is_available()
        warning = next((str(w.message) for w in caught if "cuda" in str(w.message).lower()), None)
        out({"probe": "torch", "version": torch.__version__, "cuda": torch.version.cuda,
             "cuda_available": available, "warning": warning and warning[:500]})
    except BaseException as e:
        out({"probe": "torch", "error": (type(e).__name__ + ": " + str(e))[:500]})
`.trim();

interface MetaLine {
  python?: unknown;
  executable?: unknown;
  vllm?: unknown;
  vllm_spec?: unknown;
  torch?: unknown;
  transformers?: unknown;
  error?: unknown;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function jsonLines(stdout: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  // Other output (a pyenv notice, a sitecustomize print) may surround the probe's lines.
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{"probe"')) continue;
    try {
      found.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // A line cut short by the timeout.
    }
  }
  return found;
}

interface ProbeRun {
  /** The Python that was run, reported when the script printed nothing usable. */
  executable: string;
  timedOut: boolean;
  stderr?: string;
}

function lastLine(text: string | undefined): string | null {
  const lines = (text ?? '').trim().split('\n');
  return lines[lines.length - 1]?.trim().slice(0, 300) || null;
}

function torchReport(meta: MetaLine, line: Record<string, unknown> | undefined, run: ProbeRun): TorchReport {
  if (line) {
    if (typeof line.error === 'string') return { status: 'error', message: line.error };
    return {
      status: 'ok',
      version: str(line.version) ?? str(meta.torch) ?? 'unknown',
      cuda: str(line.cuda),
      cudaAvailable: typeof line.cuda_available === 'boolean' ? line.cuda_available : null,
      warning: str(line.warning),
    };
  }
  if (run.timedOut) return { status: 'timed-out' };
  if (!str(meta.torch)) return { status: 'missing' };
  // Killed by a crash in a native extension: the last stderr line is the best explanation there is.
  return { status: 'error', message: lastLine(run.stderr) ?? 'importing torch ended without an answer' };
}

export function parsePythonProbe(stdout: string, run: ProbeRun): PythonReport {
  const lines = jsonLines(stdout);
  const meta = lines.find((l) => l.probe === 'meta') as MetaLine | undefined;
  if (!meta || !str(meta.python)) {
    const said = lastLine(run.stderr) ?? lastLine(stdout);
    const message = run.timedOut
      ? 'Python did not answer in time.'
      : `Python printed no answer${said ? `: ${said}` : '.'}`;
    return { status: 'failed', executable: run.executable, message };
  }
  if (typeof meta.error === 'string') {
    return {
      status: 'failed',
      executable: run.executable,
      message: `Python ${meta.python} is too old (${meta.error}).`,
    };
  }
  const vllmVersion = str(meta.vllm);
  return {
    status: 'ok',
    executable: str(meta.executable) ?? run.executable,
    version: str(meta.python) ?? 'unknown',
    vllm: { version: vllmVersion, importable: meta.vllm_spec === true },
    transformers: str(meta.transformers),
    torch: torchReport(
      meta,
      lines.find((l) => l.probe === 'torch'),
      run,
    ),
  };
}
