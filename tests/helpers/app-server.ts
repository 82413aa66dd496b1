// Starts the built app exactly as `npm start` does (scripts/start.mjs) on a free port with its own data dir.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_TOKEN } from './auth';
import { freePort, waitFor } from './net';

export const REPO = path.resolve(__dirname, '../..');

export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * `args` go to the start script, as after `npm start --`. `detached`: the app leads a process group of its own,
 * as under a process manager or a shell's job control, so a test may signal that whole group.
 */
export async function startApp(
  env: Record<string, string> = {},
  dataDir?: string,
  args: string[] = [],
  { detached = false }: { detached?: boolean } = {},
): Promise<AppServer> {
  if (!fs.existsSync(path.join(REPO, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` before the integration tests.');
  }
  const port = await freePort();
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vlm-console-test-'));
  const proc = spawn(process.execPath, [path.join(REPO, 'scripts', 'start.mjs'), ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      VLM_CONSOLE_DATA_DIR: dir,
      VLM_CONSOLE_DEFAULT_PROFILE: 'demo',
      VLM_CONSOLE_STOP_GRACE_S: '3',
      VLM_CONSOLE_TOKEN: TEST_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  proc.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/healthz`)).ok, 30_000, `the app on ${url}`);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    url,
    port,
    dataDir: dir,
    proc,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      await exited;
    },
  };
}
