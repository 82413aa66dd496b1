// `--flood-lines N`: N numbered log lines on stdout as fast as the reader takes them, for the log-throughput
// benchmark. Lines are produced batch by batch and the next batch waits for 'drain' when the pipe is full, so
// memory stays flat whatever N is; between batches the event loop runs, so HTTP keeps answering.

import { record } from './log.mjs';

const BATCH = 500;

/**
 * @param {import('./context.mjs').Context} ctx
 * @param {number} total
 * @returns {Promise<void>}
 */
export function flood(ctx, total) {
  const width = Math.max(6, String(total).length);
  let next = 1;
  return new Promise((resolve) => {
    const writeBatch = () => {
      let text = '';
      const end = Math.min(total, next + BATCH - 1);
      for (; next <= end; next++) {
        const n = String(next).padStart(width, '0');
        text += record(
          ctx.api,
          'INFO',
          'demo_flood.py:42',
          `flood line ${n} of ${total} (log throughput benchmark)`,
        ).text;
      }
      const more = next <= total;
      const ok = process.stdout.write(text);
      if (!more) resolve();
      else if (ok) setImmediate(writeBatch);
      else process.stdout.once('drain', writeBatch);
    };
    if (total > 0) writeBatch();
    else resolve();
  });
}
