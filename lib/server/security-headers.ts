// Headers every response carries. Pages get their Content-Security-Policy from proxy.ts (it needs a fresh
// nonce per request for Next's inline scripts); API responses get a policy that allows nothing.

export function frameAncestors(allowColab: boolean): string {
  // Colab shows a port proxied through its own domain inside the notebook's output frame.
  return allowColab ? "'self' https://colab.research.google.com https://*.googleusercontent.com" : "'self'";
}

export function pageCsp(nonce: string, allowColab: boolean, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script may load further chunks; nothing inline else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // No remote images: a model's Markdown cannot make the browser call out (tracking pixels, exfiltration).
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors(allowColab)}`,
  ].join('; ');
}

export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
