import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Streamdown } from 'streamdown';
import { describe, expect, it } from 'vitest';
import { SAFE_REHYPE_PLUGINS } from './markdown-safety';

const render = (markdown: string) =>
  renderToStaticMarkup(
    createElement(
      Streamdown,
      { mode: 'static', rehypePlugins: SAFE_REHYPE_PLUGINS, linkSafety: { enabled: false } },
      markdown,
    ),
  );

describe('model Markdown is rendered without raw HTML', () => {
  it('shows HTML tags as text instead of creating elements', () => {
    const html = render(
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="x()">block</div>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).not.toMatch(/<[^>]*\son(click|error)=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;div onclick=');
  });

  it('drops dangerous link and image URLs but keeps ordinary links and GFM tables', () => {
    const html = render(
      '[a](javascript:alert(1)) [b](data:text/html,x) [c](vbscript:x) [ok](https://example.com)\n\n![p](data:image/png;base64,AAAA)\n\n| a | b |\n| - | - |\n| 1 | 2 |',
    );
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/src="data:/i);
    expect(html).toContain('href="https://example.com/"');
    expect(html).toMatch(/<table/);
  });
});
