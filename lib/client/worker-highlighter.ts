// Streamdown's code-highlighter plugin, with Shiki in a worker (highlight-worker.ts) so that compiling a
// grammar or tokenising a long block never blocks the page. Same contract as @streamdown/code's plugin:
// `highlight` returns a cached result at once, or null and calls back when the worker answers. While a
// block streams only its newest text matters: one request is in flight at a time and a newer one
// replaces the one waiting, so a fast stream does not queue up stale work. Without workers (or if the
// worker fails) it hands over to @streamdown/code on the main thread.
import type { CodeHighlighterPlugin, HighlightOptions, HighlightResult } from '@streamdown/code';
import { bundledLanguagesInfo } from 'shiki/langs';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';

type Callback = (result: HighlightResult) => void;
interface Job {
  request: HighlightRequest;
  cacheKey: string | null;
  callback?: Callback;
}

const LANGUAGES = new Set(bundledLanguagesInfo.map((l) => l.id));
const ALIASES = new Map(
  bundledLanguagesInfo.flatMap((l) => (l.aliases ?? []).map((a) => [a, l.id] as const)),
);
const CACHE_LIMIT = 200;

function languageId(language: string): string {
  const name = language.trim().toLowerCase();
  const id = ALIASES.get(name) ?? name;
  return LANGUAGES.has(id) ? id : 'text';
}

const themeName = (theme: unknown): string | null => (typeof theme === 'string' ? theme : null);

let worker: Worker | null | undefined;
let nextId = 0;
const inFlight = new Map<number, Job>();
/** The streaming block's newest request, waiting for the one in flight. */
let waitingIncomplete: Job | null = null;
let incompleteInFlight = false;
const cache = new Map<string, HighlightResult>();
let fallback: Promise<CodeHighlighterPlugin> | null = null;

function mainThread(): Promise<CodeHighlighterPlugin> {
  fallback ??= import('@streamdown/code').then((m) => m.code);
  return fallback;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./highlight-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }: MessageEvent<HighlightResponse>) => finished(data);
    w.onerror = (event) => {
      event.preventDefault();
      worker = null;
      w.terminate();
      const jobs = [...inFlight.values(), ...(waitingIncomplete ? [waitingIncomplete] : [])];
      inFlight.clear();
      waitingIncomplete = null;
      incompleteInFlight = false;
      for (const job of jobs) onMainThread(job);
    };
    return w;
  } catch {
    return null;
  }
}

function onMainThread(job: Job): void {
  const { code, language, themes } = job.request;
  void mainThread().then((plugin) => {
    const options = { code, language, themes, isIncomplete: job.cacheKey === null } as HighlightOptions;
    const result = plugin.highlight(options, (r) => job.callback?.(r));
    if (result) job.callback?.(result);
  });
}

function send(job: Job): void {
  if (worker === undefined) worker = startWorker();
  if (!worker) {
    onMainThread(job);
    return;
  }
  if (job.cacheKey === null) incompleteInFlight = true;
  inFlight.set(job.request.id, job);
  worker.postMessage(job.request);
}

function finished(response: HighlightResponse): void {
  const job = inFlight.get(response.id);
  inFlight.delete(response.id);
  if (job?.cacheKey === null) {
    incompleteInFlight = false;
    const next = waitingIncomplete;
    waitingIncomplete = null;
    if (next) send(next);
  }
  if (!job) return;
  if (!response.ok) {
    console.error('[highlight] the worker could not highlight a block:', response.error);
    onMainThread(job);
    return;
  }
  if (job.cacheKey !== null) remember(job.cacheKey, response.result);
  job.callback?.(response.result);
}

function remember(key: string, result: HighlightResult): void {
  cache.set(key, result);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

export const workerHighlighter: CodeHighlighterPlugin = {
  name: 'shiki',
  type: 'code-highlighter',
  supportsLanguage: (language) => LANGUAGES.has(languageId(language)),
  getSupportedLanguages: () => [...LANGUAGES] as ReturnType<CodeHighlighterPlugin['getSupportedLanguages']>,
  getThemes: () => ['github-light', 'github-dark'],
  highlight(options, callback) {
    const light = themeName(options.themes[0]);
    const dark = themeName(options.themes[1]);
    const language = languageId(options.language);
    const request: HighlightRequest = {
      id: nextId++,
      code: options.code,
      language,
      themes: [light ?? '', dark ?? ''],
    };
    // Theme objects do not travel to the worker as they are; those few stay on the main thread.
    if (light === null || dark === null) {
      void mainThread().then((plugin) => {
        const result = plugin.highlight(options, callback);
        if (result) callback?.(result);
      });
      return null;
    }
    const cacheKey = options.isIncomplete ? null : `${language}:${light}:${dark}\n${options.code}`;
    const cached = cacheKey === null ? undefined : cache.get(cacheKey);
    if (cached) return cached;
    const job: Job = { request, cacheKey, callback };
    if (cacheKey === null && incompleteInFlight) waitingIncomplete = job;
    else send(job);
    return null;
  },
};

/** Starts the worker and builds a language's highlighter ahead of its first block (e.g. while the model thinks). */
export function warmHighlighter(languages: readonly string[]): void {
  for (const language of languages) {
    send({
      request: {
        id: nextId++,
        code: '',
        language: languageId(language),
        themes: ['github-light', 'github-dark'],
      },
      cacheKey: `warm:${language}`,
    });
  }
}
