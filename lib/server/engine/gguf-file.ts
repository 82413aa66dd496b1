import 'server-only';
// llama.cpp loads GGUF files only. Checking the signature before launch turns "any readable file on this
// machine" into a clear refusal, and the answer never includes what the file holds: llama-server itself
// would print the first bytes of whatever it was given (a password hash, say) in its log.
import fs from 'node:fs';

const MAGIC = Buffer.from('GGUF', 'latin1');

export type GgufCheck = 'gguf' | 'not-gguf' | 'unreadable';

export function checkGgufFile(file: string): GgufCheck {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return read === MAGIC.length && head.equals(MAGIC) ? 'gguf' : 'not-gguf';
  } catch {
    return 'unreadable';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Why this file cannot be given to llama.cpp, in words that do not quote it; null when it can. */
export function ggufProblem(file: string): string | null {
  const check = checkGgufFile(file);
  if (check === 'not-gguf') return `${file} is not a GGUF file (it does not start with the GGUF signature)`;
  if (check === 'unreadable') return `${file} cannot be read by the app`;
  return null;
}
