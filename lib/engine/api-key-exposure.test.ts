// SGLang reads its API key only from `--api-key`, so anyone on the machine sees it in `ps`. Its own words
// (sgl-project/sglang at 001067ff, python/sglang/srt/server_args.py): the dataclass field
//   api_key: A[Optional[str], "Set API key of the server. It is also used in the OpenAI API compatible
//   server."] = None
// whose CLI flag is derived from its name, with no environment variable behind it; and the HTTP server
// (entrypoints/http_server.py) does `if server_args.api_key: add_api_key_middleware(app, server_args.api_key)`.
// (Its `--config <yaml>` could carry the key in a file instead; not used yet.) Where an engine allows no
// other way, the console must say so where the engine is picked.
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
