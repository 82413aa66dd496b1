// Messages between the page and the highlighting worker (highlight-worker.ts).
import type { TokensResult } from 'shiki';

export interface HighlightRequest {
  id: number;
  code: string;
  /** A bundled language id (aliases already resolved), or 'text'. */
  language: string;
  themes: [string, string];
}

export type HighlightResponse =
  | { id: number; ok: true; result: TokensResult }
  | { id: number; ok: false; error: string };
