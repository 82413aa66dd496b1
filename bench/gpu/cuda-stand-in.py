#!/usr/bin/env python3
"""A CUDA stand-in for a vLLM launch, for measuring teardown on a real GPU (bench/gpu/teardown.mjs).

The API-server process holds GPU memory and starts an EngineCore-like worker in a session of its own
(setsid: it leaves the process group), which titles itself the way setproctitle does — argv and
/proc/PID/environ overwritten, so the launch marker is gone — and holds more GPU memory. On SIGTERM the
API server exits 0 and leaves the worker behind, as vLLM's has been seen to (vLLM issue 55510).
"""
import ctypes
import os
import signal
import subprocess
import sys
import time

import torch


def set_title(title):
    with open('/proc/self/stat') as f:
        rest = f.read().rsplit(')', 1)[1].split()
    arg_start, arg_end, env_start, env_end = (int(rest[i]) for i in (45, 46, 47, 48))
    ctypes.memset(arg_start, 0, arg_end - arg_start)
    raw = title.encode()[: arg_end - arg_start - 1]
    ctypes.memmove(arg_start, raw, len(raw))
    ctypes.memset(env_start, 0, env_end - env_start)
    ctypes.CDLL(None).prctl(15, ctypes.c_char_p(title.encode()[:15]), 0, 0, 0)


def hold(gib):
    block = torch.empty(int(gib * (1 << 30)), dtype=torch.uint8, device='cuda')
    block.fill_(1)
    torch.cuda.synchronize()
    return block


if len(sys.argv) > 1 and sys.argv[1] == '--worker':
    set_title('VLLM::EngineCore_0')
    kept = hold(8)
    print('worker ready', flush=True)
    while True:
        time.sleep(3600)

worker = subprocess.Popen([sys.executable, __file__, '--worker'], start_new_session=True)
kept = hold(2)
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
print('api server ready', flush=True)
while True:
    time.sleep(3600)
