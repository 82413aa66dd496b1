import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'VLM Console',
  description: 'Launch, watch and chat with a vision-language model server.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#111113' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: the Content-Security-Policy (proxy.ts) allows only scripts carrying
  // this request's nonce, which Next can only add at request time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased font-sans">{children}</body>
    </html>
  );
}
