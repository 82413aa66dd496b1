import 'server-only';
// One-time sign-in codes for the link printed at start: used once, then gone; they expire after a day.
import { randomBytes } from 'node:crypto';
import { secretsEqual } from './credentials';

const KEY = Symbol.for('vlm-console.sign-in-codes');
const TTL_MS = 24 * 60 * 60 * 1000;

function codes(): Map<string, number> {
  const holder = globalThis as { [KEY]?: Map<string, number> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

export function createSignInCode(now = Date.now()): string {
  const code = randomBytes(18).toString('base64url');
  codes().set(code, now + TTL_MS);
  return code;
}

export function redeemSignInCode(given: string, now = Date.now()): boolean {
  for (const [code, expires] of codes()) {
    if (expires <= now) codes().delete(code);
    else if (secretsEqual(given, code)) {
      codes().delete(code);
      return true;
    }
  }
  return false;
}

/** Ends every outstanding link (token rotation). */
export function clearSignInCodes(): void {
  codes().clear();
}
