/// <reference lib="webworker" />
// Shiki off the main thread: building a language's highlighter compiles its grammar (a second or more for
// TypeScript on a slow machine), which on the page froze the reply the moment its first code block
// appeared. Loaded with `new Worker(new URL('./highlight-worker.ts', import.meta.url))` by
// worker-highlighter.ts; one highlighter per language and theme pair, built on first use.
import { type BundledLanguage, type BundledTheme, createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { HighlightRequest, HighlightResponse } from './highlight-protocol';

// The JavaScript engine: no WebAssembly to fetch, and no eval (the pages' CSP has no 'unsafe-eval').
const engine = createJavaScriptRegexEngine({ forgiving: true });
const highlighters = new Map<string, Promise<Highlighter>>();

// Names come checked from worker-highlighter.ts (a bundled language id, or 'text'; theme names).
function highlighterFor(language: string, themes: readonly [string, string]): Promise<Highlighter> {
  const key = `${language}\n${themes.join('\n')}`;
  let highlighter = highlighters.get(key);
  if (!highlighter) {
    highlighter = createHighlighter({
      themes: themes as unknown as BundledTheme[],
      langs: [language as BundledLanguage],
      engine,
    });
    highlighters.set(key, highlighter);
  }
  return highlighter;
}

self.onmessage = async ({ data }: MessageEvent<HighlightRequest>) => {
  let reply: HighlightResponse;
  try {
    const highlighter = await highlighterFor(data.language, data.themes);
    const lang = highlighter.getLoadedLanguages().includes(data.language) ? data.language : 'text';
    const result = highlighter.codeToTokens(data.code, {
      lang: lang as BundledLanguage,
      themes: { light: data.themes[0] as BundledTheme, dark: data.themes[1] as BundledTheme },
    });
    reply = { id: data.id, ok: true, result };
  } catch (error) {
    reply = { id: data.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
