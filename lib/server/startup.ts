import 'server-only';
import { getEnv } from './env';

/** Fail fast: a wrong setting stops the app at start with a message naming the variable. */
export function validateConfigOrExit(): void {
  try {
    getEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
