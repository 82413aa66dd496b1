'use client';
// The answer's Markdown, rendered with Streamdown: per-block rendering with finished blocks memoised,
// unterminated fences/tables/math completed while they stream, GFM, KaTeX math and highlighted code
// (Shiki in a worker).
// This module is heavy (parser, KaTeX, Shiki) and is only ever loaded lazily, through markdown.tsx.
//
// Safety: model output is untrusted. No rehype-raw, so raw HTML is shown as text (Streamdown turns html nodes
// into text when raw is absent); sanitize and harden stay; links open in a new tab with
// rel="noopener noreferrer"; `javascript:`/`data:` links are blocked; images are never fetched.
import 'katex/dist/katex.min.css';
import { math } from '@streamdown/math';
import type { ComponentProps } from 'react';
import { type Components, type ExtraProps, Streamdown } from 'streamdown';
import { SAFE_REHYPE_PLUGINS } from '@/lib/chat/markdown-safety';
import { warmHighlighter, workerHighlighter } from '@/lib/client/worker-highlighter';

// Shiki runs in a worker (lib/client/worker-highlighter.ts): a grammar compiling on the page froze the
// reply for up to a second when its first code block appeared.
const PLUGINS = { code: workerHighlighter, math };
// The languages models answer in most, built while the person reads (this module loads as they type or
// when the first answer arrives), so the first block is coloured as soon as it is complete.
if (typeof window !== 'undefined') warmHighlighter(['typescript', 'python', 'bash', 'json']);
const CONTROLS = { code: { copy: true, download: false }, mermaid: false } as const;
const LINK_SAFETY = { enabled: false };

function SafeLink({ href, children, node: _node, className: _c, ...rest }: ComponentProps<'a'> & ExtraProps) {
  if (!href || href.startsWith('streamdown:')) return <span>{children}</span>;
  return (
    <a
      {...rest}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium text-primary underline decoration-primary/40 underline-offset-2 hover:decoration-primary"
    >
      {children}
    </a>
  );
}

function hostOf(src: string): string {
  try {
    return new URL(src).host || src;
  } catch {
    return src;
  }
}

/**
 * An image in the model's Markdown is never fetched (the page's CSP forbids remote images anyway: a
 * prompt-injected reply could use one to call out). It shows as a link the person may open themselves.
 */
function SafeImage({ src, alt }: ComponentProps<'img'> & ExtraProps) {
  if (typeof src !== 'string' || !src) return null;
  return (
    <a
      href={src}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="blocked-image"
      title={src}
      className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-border bg-muted px-2 py-0.5 text-sm text-muted-foreground no-underline hover:text-foreground"
    >
      <span className="truncate">
        Image{alt ? ` “${alt}”` : ''} from {hostOf(src)} (not loaded)
      </span>
    </a>
  );
}

/** A table in a plain scrolling frame: wide tables scroll inside it, never the page. */
function Table({ children, node: _node, className: _c, ...rest }: ComponentProps<'table'> & ExtraProps) {
  return (
    <div className="my-4 overflow-x-auto rounded-lg border border-border">
      <table {...rest} className="w-full divide-y divide-border text-sm">
        {children}
      </table>
    </div>
  );
}

const COMPONENTS: Components = { a: SafeLink, img: SafeImage, table: Table };

export interface MarkdownRendererProps {
  text: string;
  streaming: boolean;
}

export function MarkdownRenderer({ text, streaming }: MarkdownRendererProps) {
  return (
    <Streamdown
      mode="streaming"
      isAnimating={streaming}
      caret={streaming ? 'block' : undefined}
      plugins={PLUGINS}
      rehypePlugins={SAFE_REHYPE_PLUGINS}
      components={COMPONENTS}
      controls={CONTROLS}
      linkSafety={LINK_SAFETY}
      lineNumbers={false}
      className="markdown"
    >
      {text}
    </Streamdown>
  );
}
