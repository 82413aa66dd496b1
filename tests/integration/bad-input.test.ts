// Bad input on every route gets a 4xx JSON error naming the problem; the app stays up and starts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startApp } from '../helpers/app-server';
import { getStatus } from '../helpers/engine-api';

let app: AppServer;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.stop();
});

interface Case {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  expectStatus: number;
  expectMessage?: RegExp;
  /** The refused input, as the error body's `field` names it for the launch form. */
  expectField?: string;
}

const json = (value: unknown) => JSON.stringify(value);
const deep = (n: number): unknown => (n === 0 ? {} : { a: deep(n - 1) });

const CASES: Case[] = [
  { name: 'not JSON', method: 'POST', path: '/api/engine/start', body: '{profile:', expectStatus: 400 },
  { name: 'empty body', method: 'POST', path: '/api/engine/start', body: '', expectStatus: 400 },
  { name: 'array body', method: 'POST', path: '/api/engine/start', body: '[]', expectStatus: 400 },
  {
    name: 'unknown profile',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'nope', options: {} }),
    expectStatus: 400,
    expectMessage: /profile/,
  },
  {
    name: 'profile of the wrong type',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 42 }),
    expectStatus: 400,
    expectMessage: /profile/,
  },
  {
    name: 'unknown top-level field',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: {}, evil: true }),
    expectStatus: 400,
  },
  {
    name: 'context length out of range',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { maxModelLen: 10 } }),
    expectStatus: 400,
    expectMessage: /options\.maxModelLen/,
    expectField: 'options.maxModelLen',
  },
  {
    name: 'GPU memory share out of range',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { gpuMemoryUtilization: 1.5 } }),
    expectStatus: 400,
    expectMessage: /options\.gpuMemoryUtilization/,
  },
  {
    name: 'privileged port',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { port: 22 } }),
    expectStatus: 400,
    expectMessage: /options\.port/,
    expectField: 'options.port',
  },
  {
    name: 'path tricks in a model id',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'vllm-custom', options: { model: '../../etc/passwd' } }),
    expectStatus: 400,
    expectMessage: /options\.model/,
  },
  {
    name: 'shell metacharacters in extra args',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { extraArgs: ['--seed', '1; rm -rf /'] } }),
    expectStatus: 400,
    expectMessage: /options\.extraArgs\.1/,
    expectField: 'options.extraArgs.1',
  },
  {
    name: 'an extra flag the engine does not accept',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { extraArgs: ['--host', '0.0.0.0'] } }),
    expectStatus: 400,
    expectMessage: /--host/,
  },
  {
    name: 'more tensor-parallel GPUs than the machine has',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'vllm-custom', options: { model: 'a/b', tensorParallelSize: 2 } }),
    expectStatus: 400,
    expectMessage: /options\.tensorParallelSize: 2 GPUs asked for, but this machine has 0/,
    expectField: 'options.tensorParallelSize',
  },
  {
    name: 'an unknown option',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { shell: 'bash' } }),
    expectStatus: 400,
  },
  {
    name: 'a missing local GGUF file',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'llama-cpp', options: { modelFile: '/nonexistent/model.gguf' } }),
    expectStatus: 400,
  },
  {
    name: 'an external URL that is not http(s)',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'external', options: { baseUrl: 'file:///etc/passwd' } }),
    expectStatus: 400,
    expectMessage: /options\.baseUrl/,
  },
  {
    name: 'prototype pollution key',
    method: 'POST',
    path: '/api/engine/start',
    body: '{"profile":"demo","options":{"__proto__":{"polluted":true}}}',
    expectStatus: 400,
  },
  {
    name: 'deep nesting',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: deep(200) }),
    expectStatus: 400,
  },
  {
    name: 'a huge body',
    method: 'POST',
    path: '/api/engine/start',
    body: json({ profile: 'demo', options: { model: 'x'.repeat(200_000) } }),
    expectStatus: 413,
  },
  {
    name: 'invalid UTF-8',
    method: 'POST',
    path: '/api/engine/start',
    body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    expectStatus: 400,
  },
  {
    name: 'stop with parameters',
    method: 'POST',
    path: '/api/engine/stop',
    body: json({ force: 1 }),
    expectStatus: 400,
  },
  { name: 'stop with garbage', method: 'POST', path: '/api/engine/stop', body: 'garbage', expectStatus: 400 },
  { name: 'logs: negative since', method: 'GET', path: '/api/engine/logs?since=-1', expectStatus: 400 },
  { name: 'logs: since not a number', method: 'GET', path: '/api/engine/logs?since=abc', expectStatus: 400 },
  {
    name: 'logs: bad Last-Event-ID',
    method: 'POST',
    path: '/api/engine/logs',
    headers: { 'Last-Event-ID': '1e999' },
    expectStatus: 400,
  },
  {
    name: 'logs: unknown body field',
    method: 'POST',
    path: '/api/engine/logs',
    body: json({ x: 1 }),
    expectStatus: 400,
  },
  {
    name: 'download: path tricks',
    method: 'GET',
    path: '/api/engine/logs/download?launch=../../engine.pid',
    expectStatus: 400,
  },
  {
    name: 'download: no such launch',
    method: 'GET',
    path: '/api/engine/logs/download?launch=00000000-0000-0000-0000-000000000000',
    expectStatus: 404,
  },
];

describe('bad input', () => {
  it.each(CASES)('$name → $expectStatus JSON error', async (c) => {
    const res = await fetch(`${app.url}${c.path}`, {
      method: c.method,
      headers: { 'Content-Type': 'application/json', ...c.headers },
      body: c.body,
    });
    expect(res.status).toBe(c.expectStatus);
    const body = (await res.json()) as { error: { code: string; message: string; field?: string } };
    expect(typeof body.error.code).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(5);
    if (c.expectMessage) expect(body.error.message).toMatch(c.expectMessage);
    if (c.expectField) expect(body.error.field).toBe(c.expectField);
  });

  it('left the app alive and started nothing', async () => {
    const status = await getStatus(app.url);
    expect(status.state).toBe('stopped');
    expect(status.launchId).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
