import 'server-only';
// Free space where the Hugging Face cache lives (or would live: the nearest existing parent folder).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DiskReport } from '@/lib/system/types';

async function nearestExisting(dir: string): Promise<string> {
  let current = path.resolve(dir);
  for (;;) {
    try {
      await fs.access(current);
      return current;
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return current;
      current = parent;
    }
  }
}

export async function probeDisk(dir: string): Promise<DiskReport> {
  try {
    const stats = await fs.statfs(await nearestExisting(dir));
    return {
      status: 'ok',
      path: dir,
      // bavail, not bfree: blocks reserved for root are not ours to fill.
      freeBytes: stats.bavail * stats.bsize,
      totalBytes: stats.blocks * stats.bsize,
    };
  } catch (error) {
    return { status: 'failed', path: dir, message: error instanceof Error ? error.message : String(error) };
  }
}
