// The installer's failures ("Install vLLM": pip or uv, the preflight and the self-test of
// lib/engine/vllm-install-scripts.ts). Patterns are pip's, urllib3's and uv's own wording; the lines they were
// taken from, with where each was seen, are in tests/fixtures/installer/failures.json.
import type { DiagnosisRule } from '../types';

const OFFLINE_FIX =
  'Check that this machine can reach the package index (try `curl -I https://pypi.org/simple/`). Without ' +
  'network: set PIP_INDEX_URL to a mirror you can reach (uv is given the same URL) and install again, or ' +
  'download the wheels on a machine with network (`pip download vllm==VERSION -d wheels/`), copy the folder ' +
  'over and install from it with `PIP_NO_INDEX=1 PIP_FIND_LINKS=wheels/` set, or `<venv>/bin/python -m pip ' +
  'install wheels/vllm-*.whl`.';

export const INSTALL_RULES: readonly DiagnosisRule[] = [
  {
    id: 'install-proxy-or-certificate',
    category: 'proxy_or_certificate',
    phase: 'install',
    // A proxy failure also says "Failed to establish a new connection": the proxy is the cause to name.
    priority: 88,
    severity: 'error',
    patterns: [
      /ProxyError\(|Cannot connect to proxy|Tunnel connection failed/i,
      /CERTIFICATE_VERIFY_FAILED|certificate verify failed|problem confirming the ssl certificate/i,
      /invalid peer certificate/i,
    ],
    title: 'A proxy or a TLS certificate stopped the download',
    explanation:
      'The installer reached the network but could not get through: a proxy refused the connection, or the ' +
      'index presented a certificate this machine does not trust (a company proxy that inspects HTTPS does this).',
    fix:
      'Set HTTPS_PROXY (and NO_PROXY) to your proxy, and point pip at your company CA bundle with PIP_CERT or ' +
      'REQUESTS_CA_BUNDLE (uv: SSL_CERT_FILE, or UV_NATIVE_TLS=1 to use the system store), then install again. ' +
      'A mirror inside your network also works: PIP_INDEX_URL.',
  },
  {
    id: 'install-no-network',
    category: 'no_network',
    phase: 'install',
    // Outranks "No matching distribution found": offline, pip finds no versions at all and says that last.
    priority: 86,
    severity: 'error',
    patterns: [
      /Temporary failure in name resolution|Name or service not known|nodename nor servname provided/i,
      /Failed to establish a new connection|\[Errno -[23]\]|getaddrinfo failed/i,
      /dns error: failed to lookup address information/i,
      /Network is unreachable|\[Errno 101\]|No route to host|\[Errno 113\]/i,
      /^Cannot reach https?:\/\//,
    ],
    title: 'No network: the package index cannot be reached',
    explanation:
      'The installer could not reach the package index (a DNS lookup or a connection failed), so it found no ' +
      'vLLM to download. pip retries five times and then reports "No matching distribution", which is a ' +
      'consequence, not the cause.',
    fix: OFFLINE_FIX,
  },
  {
    id: 'install-disk-full',
    category: 'disk_full',
    phase: 'install',
    priority: 90,
    severity: 'error',
    patterns: [/No space left on device/i, /\[Errno 28\]|os error 28/i, /Disk quota exceeded/i],
    title: 'The disk filled up during the install',
    explanation:
      'vLLM brings PyTorch and the CUDA libraries: the download and the unpacked venv take roughly 10–15 GB, ' +
      'in the venv and in the temporary folder. The disk ran out on the way; the half-made venv was removed.',
    fix:
      'Free space (df -h shows where), or set TMPDIR and VLM_CONSOLE_DATA_DIR to a larger disk, then install ' +
      'again. pip --no-cache-dir (PIP_NO_CACHE_DIR=1) saves another copy of the wheels.',
  },
  {
    id: 'install-python-version',
    category: 'no_matching_distribution',
    phase: 'install',
    priority: 84,
    severity: 'error',
    patterns: [
      /require a different python version/i,
      /the (?:current|requested) Python version \([^)]*\) does not satisfy Python/i,
    ],
    title: 'This Python is not one vLLM supports',
    explanation:
      'The vLLM release asked for is published only for other Python versions than the one the venv is made ' +
      'from (the first line of the install log names it).',
    fix:
      'Make the venv from a Python that release supports (3.10–3.13 for current releases): set ' +
      'VLM_CONSOLE_PYTHON to that python3 (uv can fetch one: `uv python install 3.12`), or pick another version.',
  },
  {
    id: 'install-no-matching-distribution',
    category: 'no_matching_distribution',
    phase: 'install',
    priority: 80,
    severity: 'error',
    patterns: [
      /No matching distribution found for/i,
      /Could not find a version that satisfies the requirement/i,
      /No solution found when resolving dependencies/i,
      /has no wheels with a matching (?:platform|Python ABI|Python implementation) tag/i,
    ],
    title: 'No vLLM build matches this version, Python or platform',
    explanation:
      'The index has no wheel of that vLLM version for this Python and platform (the first line of the install ' +
      'log says which were found): the version does not exist, its build for this CUDA line is not published, ' +
      'or vLLM ships no wheel for this CPU architecture or this old a C library.',
    fix:
      'Check the version number on https://pypi.org/project/vllm/#history and pick a published one (leave the ' +
      'field empty for the default). On a platform without wheels (e.g. an old glibc) use a newer OS image.',
  },
  {
    id: 'self-test-cuda-newer-than-driver',
    category: 'torch_cuda_mismatch',
    phase: 'install',
    priority: 96,
    severity: 'error',
    patterns: [/torch was built for CUDA [\d.]+, but the driver supports CUDA/, /torch has no CUDA build/],
    title: "The installed PyTorch does not match this machine's CUDA",
    explanation:
      'The install finished, but the PyTorch that came with vLLM was built for a CUDA version the driver does ' +
      'not support (or without CUDA at all), so vLLM could not use the GPU.',
    fix:
      'Install again with the version field empty: the app then picks the build that fits the driver (+cu129 ' +
      'for CUDA 12 drivers). Or update the NVIDIA driver to 580+ for the CUDA 13 builds.',
  },
  {
    id: 'self-test-missing-driver-symbol',
    category: 'no_gpu_or_driver',
    phase: 'install',
    // Outranks the generic "undefined symbol" rule: a cu* symbol is the driver's API, not torch's.
    priority: 97,
    severity: 'error',
    patterns: [/undefined symbol: cu[A-Z]\w+/, /libcuda\.so\.1: version `[^`']+' not found/],
    title: 'The NVIDIA driver lacks a function this CUDA build needs',
    explanation:
      'A compiled library asked the driver (libcuda) for a function it does not have: the driver is older ' +
      'than the CUDA version vLLM and PyTorch were built for.',
    fix:
      'Update the NVIDIA driver, or install again with the version field empty so the app picks the build ' +
      'for this driver (+cu129 on CUDA 12 drivers).',
  },
  {
    id: 'self-test-no-cuda',
    category: 'no_gpu_or_driver',
    phase: 'install',
    priority: 70,
    severity: 'error',
    patterns: [/torch\.cuda\.is_available\(\) is False/],
    title: 'vLLM installed, but PyTorch cannot use the GPU',
    explanation:
      'The packages import, but CUDA does not start in this venv: the GPU is not visible to this process ' +
      '(CUDA_VISIBLE_DEVICES, a container without GPU access) or the driver is not loaded.',
    fix:
      'Check that nvidia-smi works as the user the app runs as, that CUDA_VISIBLE_DEVICES is unset or right, ' +
      'and in Docker that the container has --gpus all. The log lines above the failure usually say more.',
  },
];
