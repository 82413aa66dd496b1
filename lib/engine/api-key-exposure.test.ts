// SGLang reads its API key only from `--api-key` (server_args.py has no environment variable for it, and
// http_server.py takes it from the parsed arguments), so anyone on the machine sees it in `ps`. Where an
// engine allows no other way, the console must say so where the engine is picked.
import { describe, expect, it } from 'vitest';
import { ENGINE_KIND_SPECS } from './engine-kinds';
import { PROFILES } from './profiles';

describe('an engine that takes its API key on the command line', () => {
  const onCommandLine = PROFILES.filter((p) => {
    const key = ENGINE_KIND_SPECS[p.kind].apiKey;
    return key !== null && 'flag' in key;
  });

  it('is SGLang alone; the others get the key from the environment', () => {
    expect(onCommandLine.map((p) => p.kind)).toEqual(['sglang']);
  });

  it.each(onCommandLine.map((p) => [p.id, p.note]))(
    '%s says in its note that local users can read the key',
    (_id, note) => {
      expect(note).toMatch(/other users of this machine can read the key/);
    },
  );
});
