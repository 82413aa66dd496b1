// Stage lines of newer vLLM and huggingface_hub releases, from real logs (tests/fixtures/real/vllm-logs.jsonl)
// and vLLM's source where no log had the line yet.
import { describe, expect, it } from 'vitest';
import { detectStage, nextStage } from './stages';
import type { Stage } from './types';

const fold = (lines: string[], from: Stage | null = null) =>
  lines.reduce<Stage | null>((stage, line, i) => nextStage(stage, line, 1000 + i), from);

describe('the version line', () => {
  it("reads vLLM's banner, not other programs' versions in unrelated lines", () => {
    // healthy-13: vLLM 0.22's banner.
    expect(
      detectStage(
        '(APIServer pid=228) INFO 06-13 20:05:05 [utils.py:344]  ▄▄ ▄█ █     █     █ ▀▄▀ █  version 0.22.1',
      ),
    ).toEqual({ name: 'launching', detail: 'version 0.22.1' });
    // shm_multiproc-01 and no_gpu_or_driver-04: NCCL's and the driver's versions.
    expect(
      detectStage(
        '(VllmWorkerProcess pid=87) ERROR 07-19 10:59:03 multiproc_worker_utils.py:226] Exception in worker VllmWorkerProcess while processing method determine_num_available_blocks: NCCL error in: ../torch/csrc/distributed/c10d/ProcessGroupNCCL.cpp:1970, unhandled system error (run with NCCL_DEBUG=INFO for details), NCCL version 2.20.5',
      ),
    ).toBeNull();
    expect(
      detectStage(
        '/usr/local/lib64/python3.8/site-packages/torch/cuda/__init__.py:128: UserWarning: CUDA initialization: The NVIDIA driver on your system is too old (found version 11040). Please update your GPU driver by downloading and installing a new version from the URL: http://www.nvidia.com/Download/index.aspx',
      ),
    ).toBeNull();
  });
});

describe('torch.compile ahead of time', () => {
  const loaded: Stage = { name: 'loading weights', progress: 1, detail: '69.34 GiB on GPU', since: 1 };

  it('a cached AOT compilation moves on from "loading weights" to "compiling"', () => {
    // The line vLLM prints when the AOT artifact saved by an earlier run (healthy-14's path) is reused:
    // vllm/compilation/decorators.py, `logger.info("Directly load AOT compilation from path %s", ...)`.
    const stage = fold(
      [
        '(EngineCore pid=32982) INFO 08-02 00:23:59 [decorators.py:311] Directly load AOT compilation from path /home/stefano/.cache/vllm/torch_compile_cache/torch_aot_compile/54519faac724128daa350c6c3e4649d7568588c901ab9dac602e0b763e5ce2a6/rank_0_0/model',
      ],
      loaded,
    );
    expect(stage?.name).toBe('compiling');
  });

  it('the first AOT compile and the warmup run are compiling, with the warmup time as detail', () => {
    // healthy-14, in order.
    const stage = fold(
      [
        '(EngineCore pid=32982) INFO 08-02 00:24:23 [decorators.py:708] saved AOT compiled function to /home/stefano/.cache/vllm/torch_compile_cache/torch_aot_compile/54519faac724128daa350c6c3e4649d7568588c901ab9dac602e0b763e5ce2a6/rank_0_0/model',
        '(EngineCore pid=32982) INFO 08-02 00:24:23 [monitor.py:53] torch.compile took 29.71 s in total',
        '(EngineCore pid=32982) INFO 08-02 00:24:26 [monitor.py:81] Initial profiling/warmup run took 2.46 s',
      ],
      loaded,
    );
    expect(stage).toMatchObject({ name: 'compiling', detail: 'warmup run took 2 s', since: 1000 });
  });
});

describe('huggingface_hub 1.x download bars', () => {
  // `Fetching 14 files` is a real line (the disk_full-01 log in the fixtures); the aggregate byte bar's
  // description is hub 1.x's `Downloading (incomplete total...)` in tqdm's default layout, as that line shows it.
  const files = (n: number, pct: number) =>
    `Fetching 14 files:  ${pct}%|▋         | ${n}/14 [00:06<01:18,  6.03s/it]`;
  const bytes = (pct: number, done: string) =>
    `Downloading (incomplete total...):  ${pct}%|█▏        | ${done}/9.21G [00:05<00:36, 221MB/s]`;

  it('bytes are the percent and the file count is detail, whatever order they come in', () => {
    const start: Stage = { name: 'downloading weights', since: 1 };
    const seen = [files(0, 0), bytes(12, '1.10G'), files(1, 7), bytes(45, '4.15G'), files(2, 14)].map(
      (_line, i, all) => fold(all.slice(0, i + 1), start),
    );
    expect(seen.map((s) => s?.progress)).toEqual([0, 0.12, 0.12, 0.45, 0.45]);
    expect(seen.map((s) => s?.detail)).toEqual([
      'file 0/14',
      '1.10G/9.21G',
      '1.10G/9.21G · file 1/14',
      '4.15G/9.21G · file 1/14',
      '4.15G/9.21G · file 2/14',
    ]);
  });

  it('without a byte bar (hub 0.x), the file count still gives the percent', () => {
    expect(fold([files(7, 50)], { name: 'downloading weights', since: 1 })).toMatchObject({
      progress: 0.5,
      detail: 'file 7/14',
    });
  });
});
