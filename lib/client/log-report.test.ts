import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '@/lib/diagnosis';
import type { EngineStatus } from '@/lib/engine/types';
import type { SystemReport } from '@/lib/system/types';
import { buildReport, diffOptions, maskSecrets, type ReportInput } from './log-report';

const diagnosis: Diagnosis = {
  ruleId: 'kv-cache-too-small',
  category: 'kv_cache_too_small',
  phase: 'launch',
  severity: 'error',
  title: 'The context does not fit in the KV cache',
  explanation: 'vLLM needs room for one full-length sequence.',
  fix: 'Lower the context length.',
  line: { index: 4, seq: 40, text: 'ValueError: ... the estimated maximum model length is 26208.' },
  patch: { label: 'Relaunch with context 26,208', options: { maxModelLen: 26208 } },
};

const system: SystemReport = {
  checkedAt: Date.UTC(2025, 0, 1),
  items: [
    { id: 'gpu', label: 'GPU', status: 'ok', value: 'NVIDIA L4', sentence: 'One GPU.' },
    { id: 'hf-token', label: 'Hugging Face token', status: 'warn', value: 'not set', sentence: 'Not set.' },
  ],
  gpus: [{ index: 0, name: 'NVIDIA L4', memoryTotalMiB: 23034, memoryUsedMiB: 0, computeCapability: 8.9 }],
  gpuProcesses: [],
  profiles: {},
};

const status = {
  state: 'crashed',
  launchId: 'L2',
  exit: { code: 1, signal: null },
  error: 'exit 1',
} as EngineStatus;

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  now: Date.UTC(2025, 0, 2),
  status,
  profileId: 'demo',
  commandLine: 'VLLM_API_KEY=*** python3 -m vllm serve m --max-model-len 65536',
  options: { maxModelLen: 65536, port: 8000, extraArgs: ['--seed', '1'] },
  lastReady: { options: { maxModelLen: 32768, port: 8000 }, at: Date.UTC(2024, 11, 31) },
  system,
  diagnosis,
  lines: Array.from({ length: 250 }, (_, i) => ({ stream: 'stdout' as const, text: `line ${i + 1}` })),
  ...over,
});

describe('diffOptions', () => {
  it('lists changed, added and removed keys in order', () => {
    expect(diffOptions({ a: 1, b: [1], c: 'x' }, { a: 2, b: [1], d: true })).toEqual([
      { key: 'a', before: 1, after: 2 },
      { key: 'c', before: 'x', after: undefined },
      { key: 'd', before: undefined, after: true },
    ]);
  });
});

describe('maskSecrets', () => {
  it.each([
    ['HF_TOKEN=hf_abcdefghijklmnopqrstuvwxyz012345', 'HF_TOKEN=hf_***'],
    ['Authorization: Bearer abc.def-ghi_123', 'Authorization: Bearer ***'],
    ['{"api_key": "sk-proj-abcdefghijklmnop"}', '{"api_key": "***"}'],
    ['key sk-proj-abcdefghijklmnop', 'key sk-proj-***'],
    ['--api-key supersecretvalue', '--api-key ***'],
    ['password=hunter2hunter2', 'password=***'],
  ])('%s', (text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  it('leaves ordinary log text alone', () => {
    const text = 'max_num_batched_tokens=8192, first token: 0.2s, already masked: VLLM_API_KEY=***';
    expect(maskSecrets(text)).toBe(text);
  });
});

describe('buildReport', () => {
  it('has the command, the changed options, the machine check, the diagnosis and the last 200 lines', () => {
    const report = buildReport(input());
    expect(report).toContain('engine crashed (exit 1) · profile demo · launch L2');
    expect(report).toContain('python3 -m vllm serve m --max-model-len 65536');
    expect(report).toContain('| maxModelLen | `32768` | `65536` |');
    expect(report).toContain('| extraArgs | (unset) | `["--seed","1"]` |');
    expect(report).not.toContain('| port |');
    expect(report).toContain('- [warn] Hugging Face token: not set — Not set.');
    expect(report).toContain('GPU 0: NVIDIA L4, 0 / 23034 MiB used, compute 8.9');
    expect(report).toContain('**The context does not fit in the KV cache** (`kv_cache_too_small`');
    expect(report).toContain('## Last 200 log lines');
    expect(report).toContain('line 51\n');
    expect(report).not.toContain('line 50\n');
    expect(report).toContain('line 250');
  });

  it('says so when nothing reached ready and when nothing changed', () => {
    expect(buildReport(input({ lastReady: null }))).toContain(
      'No launch of this profile has reached ready yet.',
    );
    const unchanged = input({ options: { maxModelLen: 32768, port: 8000 } });
    expect(buildReport(unchanged)).toContain('None: the same options reached ready');
  });

  it('masks secrets that slipped into lines, and a fence in a line cannot close the block', () => {
    const lines = [
      { stream: 'stderr' as const, text: 'token hf_ABCDEFGHIJKLMNOPQRSTUVWX leaked' },
      { stream: 'stdout' as const, text: 'curl -H "Authorization: Bearer live-key-1234"' },
      { stream: 'stdout' as const, text: '```' },
    ];
    const report = buildReport(input({ lines, diagnosis: null }));
    expect(report).not.toContain('hf_ABCDEFGHIJKLMNOPQRSTUVWX');
    expect(report).not.toContain('live-key-1234');
    expect(report).toContain('hf_***');
    expect(report).toContain('````text\n');
    expect(report).toContain('## Diagnosis\n\nNone.');
  });
});
