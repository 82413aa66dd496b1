// Sizes beyond this machine's GPUs are refused before a long start, unless Ray spreads them over a cluster.
import { describe, expect, it } from 'vitest';
import { findProfile } from '@/lib/engine/profiles';
import { checkTensorParallel, type LaunchPlan } from './launch-plan';

const plan = (options: Record<string, unknown>): LaunchPlan =>
  ({ profile: findProfile('vllm-custom'), options }) as unknown as LaunchPlan;
const fourGpus = async () => 4;

describe('parallel sizes against the GPU count', () => {
  it('counts tensor × pipeline × data parallel against the GPUs the machine has', async () => {
    await expect(
      checkTensorParallel(plan({ tensorParallelSize: 2, pipelineParallelSize: 2 }), fourGpus),
    ).resolves.toBeUndefined();
    await expect(
      checkTensorParallel(
        plan({ tensorParallelSize: 2, pipelineParallelSize: 2, dataParallelSize: 2 }),
        fourGpus,
      ),
    ).rejects.toThrow(
      /options\.pipelineParallelSize: 8 GPUs asked for \(tensor 2 × pipeline 2 × data 2\), but this machine has 4/,
    );
    await expect(checkTensorParallel(plan({ dataParallelSize: 8 }), fourGpus)).rejects.toThrow(
      /options\.dataParallelSize: 8 GPUs/,
    );
    await expect(checkTensorParallel(plan({ tensorParallelSize: 8 }), fourGpus)).rejects.toThrow(
      /options\.tensorParallelSize: 8 GPUs asked for, but this machine has 4/,
    );
  });

  it('leaves the count to the cluster with the Ray backend', async () => {
    await expect(
      checkTensorParallel(
        plan({ tensorParallelSize: 8, pipelineParallelSize: 2, distributedExecutorBackend: 'ray' }),
        fourGpus,
      ),
    ).resolves.toBeUndefined();
  });
});
