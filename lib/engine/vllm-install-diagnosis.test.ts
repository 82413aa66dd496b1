import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnoseInstall } from './vllm-install-diagnosis';

interface Case {
  category: string;
  rule?: string;
  tool: string;
  source: string;
  lines: string[];
}

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/installer/failures.json');
const { cases } = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { cases: Case[] };

describe('the install diagnosis, on pip’s, uv’s and the self-test’s real wording', () => {
  it.each(cases.map((c) => [`${c.category} (${c.tool})`, c] as const))('%s', (_, c) => {
    const diagnosis = diagnoseInstall(c.lines);
    expect(diagnosis?.category, c.source).toBe(c.category);
    if (c.rule) expect(diagnosis?.ruleId).toBe(c.rule);
  });

  it('names the network, not the "No matching distribution" it causes, for pip offline', () => {
    const offline = cases.find((c) => c.source.includes('pip-run'));
    const diagnosis = diagnoseInstall(offline?.lines ?? []);
    expect(diagnosis?.ruleId).toBe('install-no-network');
    expect(diagnosis?.fix).toMatch(/PIP_INDEX_URL/);
    expect(diagnosis?.fix).toMatch(/\.whl/);
  });

  it('says nothing about a clean install', () => {
    expect(
      diagnoseInstall([
        'Collecting vllm==0.31.0',
        'Successfully installed vllm-0.31.0',
        'self-test: torch 2.13.0+cu130, built for CUDA 13.0',
        'self-test: CUDA works on NVIDIA H200',
      ]),
    ).toBeNull();
  });
});
