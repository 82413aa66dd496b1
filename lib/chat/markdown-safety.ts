// How model output is made safe to render: the rehype plugins the answer's Streamdown runs instead of its
// defaults. Streamdown's defaults include rehype-raw (raw HTML becomes elements); these leave it out, so raw
// HTML in a reply is shown as text. Sanitize (an allow-list schema) and harden (URL checks) stay: no
// `javascript:`, `data:` or `vbscript:` link survives, and no `data:` image. Image URLs pass through to the
// renderer's own image component, which shows a link instead of fetching them.
import { defaultRehypePlugins, type StreamdownProps } from 'streamdown';

type Plugins = NonNullable<StreamdownProps['rehypePlugins']>;

const hardenEntry = defaultRehypePlugins.harden;
const harden = Array.isArray(hardenEntry) ? hardenEntry[0] : hardenEntry;

export const SAFE_REHYPE_PLUGINS = [
  defaultRehypePlugins.sanitize,
  [
    harden,
    {
      allowedLinkPrefixes: ['*'],
      allowedImagePrefixes: ['*'],
      allowedProtocols: [],
      allowDataImages: false,
      blockedLinkClass: 'text-muted-foreground',
      blockedImageClass: 'rounded bg-muted px-2 py-0.5 text-sm text-muted-foreground',
    },
  ],
] as Plugins;
