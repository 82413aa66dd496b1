import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearEndedSessions, endSession, isSessionEnded } from './ended-sessions';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ended-sessions-'));
const before = process.env.VLM_CONSOLE_DATA_DIR;
/** What a restart does: the next process has nothing in memory and reads the data dir. */
const restart = () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('vlm-console.ended-sessions')];
};

beforeEach(() => {
  process.env.VLM_CONSOLE_DATA_DIR = dir;
  restart();
});
afterAll(() => {
  process.env.VLM_CONSOLE_DATA_DIR = before;
  restart();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ended sessions', () => {
  it('stay ended after a restart, until the cookie would have expired anyway', () => {
    const now = 1_000_000;
    endSession('nonce-a', now + 60_000, now);
    restart();
    expect(isSessionEnded('nonce-a', now)).toBe(true);
    expect(isSessionEnded('nonce-b', now)).toBe(false);
    expect(isSessionEnded('nonce-a', now + 60_000)).toBe(false);
    expect(fs.statSync(path.join(dir, 'ended-sessions.json')).mode & 0o077).toBe(0);
  });

  it('forget the ones past their expiry when another is added, and all of them on rotation', () => {
    const now = 2_000_000;
    endSession('old', now + 10, now);
    endSession('new', now + 60_000, now + 20);
    restart();
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'ended-sessions.json'), 'utf8')))).toEqual([
      'new',
    ]);
    clearEndedSessions();
    restart();
    expect(isSessionEnded('new', now + 30)).toBe(false);
  });
});
