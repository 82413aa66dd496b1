// Random ids for conversations and messages. crypto.randomUUID exists only in secure contexts, and the
// console is also opened over plain http on a LAN address; getRandomValues works everywhere.
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
