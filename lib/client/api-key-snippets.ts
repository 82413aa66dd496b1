// Copyable ways to use a new API key from other tools, for the app's public URL: curl, Python and
// JavaScript with the official `openai` SDKs. Pure, so it is tested without a browser.

export type SnippetKind = 'curl' | 'python' | 'javascript';

export const SNIPPET_KINDS: readonly { kind: SnippetKind; label: string }[] = [
  { kind: 'curl', label: 'curl' },
  { kind: 'python', label: 'Python' },
  { kind: 'javascript', label: 'JavaScript' },
];

export interface SnippetInput {
  /** The app's URL as the browser reaches it (the tunnel's public URL behind a tunnel). */
  appUrl: string;
  key: string;
  /** The running engine's model id; a placeholder when none is running. */
  model: string | null;
}

export function baseUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, '')}/v1`;
}

export function snippet(kind: SnippetKind, { appUrl, key, model }: SnippetInput): string {
  const base = baseUrl(appUrl);
  const name = model ?? 'MODEL-ID-FROM-/v1/models';
  const text = 'Hello!';
  switch (kind) {
    case 'curl':
      return [
        `curl ${base}/chat/completions \\`,
        `  -H "Authorization: Bearer ${key}" \\`,
        `  -H "Content-Type: application/json" \\`,
        `  -d '${JSON.stringify({ model: name, messages: [{ role: 'user', content: text }] })}'`,
      ].join('\n');
    case 'python':
      return [
        'from openai import OpenAI',
        '',
        `client = OpenAI(base_url="${base}", api_key="${key}")`,
        'reply = client.chat.completions.create(',
        `    model="${name}",`,
        `    messages=[{"role": "user", "content": "${text}"}],`,
        ')',
        'print(reply.choices[0].message.content)',
      ].join('\n');
    case 'javascript':
      return [
        "import OpenAI from 'openai';",
        '',
        `const client = new OpenAI({ baseURL: '${base}', apiKey: '${key}' });`,
        'const reply = await client.chat.completions.create({',
        `  model: '${name}',`,
        `  messages: [{ role: 'user', content: '${text}' }],`,
        '});',
        'console.log(reply.choices[0].message.content);',
      ].join('\n');
  }
}
