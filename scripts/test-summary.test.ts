// The closing line of `npm test` is what CI and a person read: a suite that never ran must count as failed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function summarise(...reports: unknown[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'summary-'));
  const files = reports.map((r, i) => {
    const file = path.join(dir, `r${i}.json`);
    if (r !== undefined) fs.writeFileSync(file, JSON.stringify(r));
    return file;
  });
  const script = path.resolve(__dirname, 'test-summary.mjs');
  return execFileSync(process.execPath, [script, ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
}

const suite = (status: string, tests: string[]) => ({
  name: '/x.test.ts',
  status,
  message: status === 'failed' && tests.length === 0 ? 'ENOENT: no such file' : '',
  assertionResults: tests.map((s) => ({ status: s })),
});

describe('test summary line', () => {
  it('counts passed and failed tests across reports', () => {
    const a = { numPassedTests: 3, numFailedTests: 1, testResults: [suite('failed', ['passed', 'failed'])] };
    const b = { numPassedTests: 2, numFailedTests: 0, testResults: [suite('passed', ['passed'])] };
    expect(summarise(a, b)).toBe('5 passed, 1 failed');
  });

  it('counts a suite that failed to load as a failure', () => {
    const r = {
      numPassedTests: 4,
      numFailedTests: 0,
      numFailedTestSuites: 1,
      success: false,
      testResults: [suite('failed', [])],
    };
    expect(summarise(r)).toBe('4 passed, 1 failed');
  });

  it('counts a missing report (a crashed run) as a failure', () => {
    expect(summarise({ numPassedTests: 1, testResults: [] }, undefined)).toBe('1 passed, 1 failed');
  });
});
