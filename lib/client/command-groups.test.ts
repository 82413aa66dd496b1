import { describe, expect, it } from 'vitest';
import { commandGroups } from './command-groups';

describe('command groups', () => {
  it('keeps a flag with its value and quoted arguments whole', () => {
    expect(
      commandGroups(
        'VLLM_API_KEY=*** python3 -m vllm.entrypoints.cli.main serve Qwen/Qwen2.5-VL-7B --max-model-len 32768 --trust-remote-code --limit-mm-per-prompt \'{"image": 4}\'',
      ),
    ).toEqual([
      'VLLM_API_KEY=***',
      'python3',
      '-m vllm.entrypoints.cli.main',
      'serve',
      'Qwen/Qwen2.5-VL-7B',
      '--max-model-len 32768',
      '--trust-remote-code',
      '--limit-mm-per-prompt \'{"image": 4}\'',
    ]);
  });
});
