// The Python probe's output as printed on real setups: Colab with vLLM, a bare Python, a slow torch import.
import { describe, expect, it } from 'vitest';
import { parsePythonProbe } from './python-probe';

const run = { executable: '/usr/bin/python3', timedOut: false };

const COLAB_META =
  '{"probe": "meta", "python": "3.12.11", "executable": "/usr/bin/python3", "vllm": "0.11.0", "vllm_spec": true, "torch": "2.8.0+cu128", "transformers": "4.57.1"}';
const COLAB_TORCH =
  '{"probe": "torch", "version": "2.8.0+cu128", "cuda": "12.8", "cuda_available": true, "warning": null}';
const BARE_META =
  '{"probe": "meta", "python": "3.11.7", "executable": "/root/.pyenv/versions/3.11.7/bin/python3", "vllm": null, "vllm_spec": false, "torch": null, "transformers": null}';

describe('parsePythonProbe', () => {
  it('reads a Python with vLLM, torch and its CUDA build', () => {
    expect(parsePythonProbe(`${COLAB_META}\n${COLAB_TORCH}\n`, run)).toEqual({
      status: 'ok',
      executable: '/usr/bin/python3',
      version: '3.12.11',
      vllm: { version: '0.11.0', importable: true },
      transformers: '4.57.1',
      torch: { status: 'ok', version: '2.8.0+cu128', cuda: '12.8', cudaAvailable: true, warning: null },
    });
  });

  it('reads a Python without vLLM or torch', () => {
    const report = parsePythonProbe(`${BARE_META}\n`, run);
    expect(report).toMatchObject({
      status: 'ok',
      version: '3.11.7',
      executable: '/root/.pyenv/versions/3.11.7/bin/python3',
      vllm: { version: null, importable: false },
      transformers: null,
      torch: { status: 'missing' },
    });
  });

  it('reports torch as timed out when only the first line arrived before the kill', () => {
    const report = parsePythonProbe(`${COLAB_META}\n`, { ...run, timedOut: true });
    expect(report).toMatchObject({
      status: 'ok',
      vllm: { version: '0.11.0' },
      torch: { status: 'timed-out' },
    });
  });

  it('reports a torch that fails to import, and a CPU-only or blind torch', () => {
    const broken =
      '{"probe": "torch", "error": "ImportError: libtorch_cuda.so: undefined symbol: ncclCommWindowRegister"}';
    expect(parsePythonProbe(`${COLAB_META}\n${broken}\n`, run)).toMatchObject({
      torch: { status: 'error', message: expect.stringContaining('undefined symbol') },
    });
    const blind =
      '{"probe": "torch", "version": "2.9.0+cu130", "cuda": "13.0", "cuda_available": false, "warning": "CUDA initialization: The NVIDIA driver on your system is too old (found version 12040)."}';
    expect(parsePythonProbe(`${COLAB_META}\n${blind}\n`, run)).toMatchObject({
      torch: {
        status: 'ok',
        cuda: '13.0',
        cudaAvailable: false,
        warning: expect.stringContaining('too old'),
      },
    });
  });

  it('uses the last stderr line when torch crashed the interpreter', () => {
    const report = parsePythonProbe(`${COLAB_META}\n`, {
      ...run,
      stderr: 'Fatal Python error: Segmentation fault\n',
    });
    expect(report).toMatchObject({
      torch: { status: 'error', message: 'Fatal Python error: Segmentation fault' },
    });
  });

  it('ignores other output around the probe lines', () => {
    const noisy = `pyenv: using 3.11.7\n${BARE_META}\nsitecustomize loaded\n`;
    expect(parsePythonProbe(noisy, run)).toMatchObject({ status: 'ok', version: '3.11.7' });
  });

  it('fails with what the program said when it is not the Python we expected', () => {
    expect(parsePythonProbe('no\n', run)).toEqual({
      status: 'failed',
      executable: '/usr/bin/python3',
      message: 'Python printed no answer: no',
    });
    expect(parsePythonProbe('', { ...run, timedOut: true })).toMatchObject({
      status: 'failed',
      message: 'Python did not answer in time.',
    });
  });
});
