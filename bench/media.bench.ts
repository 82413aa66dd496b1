// Clips and documents: a 30 s 1080p clip dropped on the chat (made in the page with MediaRecorder, so the
// bench needs no ffmpeg) until it is ready to send — read, downscaled to the frame size the model uses, and
// uploaded — with the bytes that cross the wire; and a 20-page PDF (written here) rendered to page images.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startEngine, stopEngine, waitForState } from '../tests/helpers/engine-api';
import { freePort } from '../tests/helpers/net';
import { ChatImages } from '../tests/pages/chat-images';
import { ChatSession } from '../tests/pages/chat-session';
import { record } from './report';

const session = new ChatSession();
beforeAll(async () => {
  await session.start();
  await session.runEngine(0, 8, 8);
}, 60_000);
afterAll(() => session.close());

/** Records `seconds` of an animated 1920×1080 canvas as WebM (real time) and keeps it as window.__clip. */
function makeClip(page: Page, seconds: number) {
  return page.evaluate(async (s) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1920;
    canvas.height = 1080;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const recorder = new MediaRecorder(canvas.captureStream(15), {
      mimeType: 'video/webm;codecs=vp8',
      videoBitsPerSecond: 8_000_000,
    });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    const start = performance.now();
    let frame = 0;
    const draw = () => {
      const t = (performance.now() - start) / 1000;
      ctx.fillStyle = `hsl(${(t * 40) % 360} 70% 50%)`;
      ctx.fillRect(0, 0, 1920, 1080);
      ctx.fillStyle = '#fff';
      ctx.fillRect(((t * 300) % 1700) | 0, 400, 220, 220);
      ctx.font = '120px sans-serif';
      ctx.fillText(`frame ${frame++}`, 80, 200);
      if (t < s) requestAnimationFrame(draw);
      else recorder.stop();
    };
    const done = new Promise<void>((resolve) => {
      recorder.onstop = () => resolve();
    });
    recorder.start(1000);
    draw();
    await done;
    const file = new File(chunks, 'clip-1080p.webm', { type: 'video/webm' });
    (window as unknown as { __clip: File }).__clip = file;
    return file.size;
  }, seconds);
}

function dropClip(page: Page) {
  return page.evaluate(async () => {
    const file = (window as unknown as { __clip: File }).__clip;
    const data = new DataTransfer();
    data.items.add(file);
    const zone = document.querySelector('[data-testid="chat-dropzone"]');
    const fire = (type: string) =>
      zone?.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    fire('dragenter');
    fire('dragover');
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="drop-overlay"]') ? resolve() : requestAnimationFrame(check);
      check();
    });
    const at = performance.now();
    fire('drop');
    return at;
  });
}

/** A PDF of `pages` Letter pages with a heading and shapes, written directly (no PDF tool needed). */
function makePdf(pages: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  for (let i = 0; i < pages; i++) {
    const lines = Array.from(
      { length: 30 },
      (_, l) =>
        `BT /F1 11 Tf 72 ${640 - l * 18} Td (Line ${l + 1} of page ${i + 1}: the quick brown fox jumps over the lazy dog.) Tj ET`,
    );
    const content = [
      `BT /F1 36 Tf 72 700 Td (Page ${i + 1}) Tj ET`,
      ...lines,
      '0.2 0.4 0.8 rg 72 60 200 40 re f',
    ].join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('media', () => {
  it('a 30 s 1080p clip: drop → ready to send, bytes sent', async () => {
    const { page, chat } = await session.open();
    await chat.waitForEngine('ready');
    const images = new ChatImages(page);
    const sourceBytes = await makeClip(page, 30);
    const droppedAt = await dropClip(page);
    await images.waitForReady(1, 300_000);
    const readyAt = await page.evaluate(() => performance.now());
    const card = images.attachments().first();
    const sent = await images.sent(card);
    const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
    const scenario = 'clip 30 s 1080p (WebM)';
    record([
      { scenario, metric: 'source file', value: mb(sourceBytes), target: '', ok: null },
      {
        scenario,
        metric: 'drop → ready to send',
        value: `${((readyAt - droppedAt) / 1000).toFixed(1)} s`,
        target: '',
        ok: null,
      },
      { scenario, metric: 'sent size', value: `${sent.width}×${sent.height}`, target: '≤ 602k px', ok: null },
      {
        scenario,
        metric: 'bytes sent',
        value: mb(sent.bytes),
        target: '< source',
        ok: sent.bytes < sourceBytes,
      },
    ]);
  });

  it('a 20-page PDF to page images', async () => {
    // The most images one message may carry is 16: the demo is launched with that, and the 20 pages are added
    // in two rounds (16, then 4), as a person would send them over two messages.
    const url = session.app.url;
    await stopEngine(url);
    await waitForState(url, ['stopped'], 20_000);
    await startEngine(url, {
      port: await freePort(),
      imagesPerPrompt: 16,
      extraArgs: ['--startup-seconds', '0.1'],
    });
    await waitForState(url, ['ready'], 20_000);
    const { page, chat } = await session.open();
    await chat.waitForEngine('ready');
    const images = new ChatImages(page);
    const pdf = makePdf(20);
    let total = 0;
    for (const [range, count] of [
      ['1-16', 16],
      ['17-20', 4],
    ] as const) {
      await page
        .getByTestId('image-input')
        .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf });
      await page.getByTestId('pdf-picker').waitFor();
      await page.getByTestId('pdf-range').fill(range);
      const start = Date.now();
      await page.getByTestId('pdf-add').click();
      await images.waitForReady(count, 300_000);
      total += Date.now() - start;
      for (let i = 0; i < count; i++)
        await images.attachments().first().getByTestId('remove-attachment').click();
      await images.attachments().first().waitFor({ state: 'detached' });
    }
    const scenario = 'PDF 20 pages → images';
    record([
      { scenario, metric: 'PDF size', value: `${Math.round(pdf.length / 1000)} KB`, target: '', ok: null },
      {
        scenario,
        metric: 'add → 20 pages uploaded',
        value: `${(total / 1000).toFixed(1)} s`,
        target: '',
        ok: null,
      },
      { scenario, metric: 'per page', value: `${Math.round(total / 20)} ms`, target: '', ok: null },
    ]);
  });
});
