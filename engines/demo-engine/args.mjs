// Command-line parsing that behaves like vLLM's argparse front end: same flag spellings, `--flag=value`
// accepted, and the same failure shape (usage line + `prog: error: ...` on stderr, exit status 2).
// Flags vLLM has but the demo does not need are accepted and only echoed in the `non-default args` log line.

import { VERSION } from './context.mjs';
import { FAILURE_KINDS } from './failures.mjs';
import { GROUNDING_FORMATS } from './grounding.mjs';

export const PROG = 'demo-engine';
export const REASONING_MODES = ['reasoning', 'reasoning_content', 'think-tags', 'ernie-raw'];

/**
 * @typedef {'str' | 'int' | 'float' | 'bool' | 'json' | 'choice'} ArgType
 * @typedef {{ flag: string, dest: string, type: ArgType, metavar?: string, alias?: string,
 *   def?: unknown, choices?: string[], help: string }} Spec
 */

const camel = (/** @type {string} */ flag) => flag.slice(2).replace(/-(\w)/g, (_, c) => c.toUpperCase());

/**
 * @param {string} flag
 * @param {ArgType} type
 * @param {unknown} def default (undefined = none)
 * @param {string} help
 * @param {Partial<Spec>} [extra]
 * @returns {Spec}
 */
const spec = (flag, type, def, help, extra = {}) => ({ flag, dest: camel(flag), type, def, help, ...extra });
const IGNORED = 'accepted and logged, no effect';

/** @type {Spec[]} `dest` is the camelCase flag name, e.g. opts.maxModelLen. */
export const SPECS = [
  spec('--model', 'str', 'demo/vlm-demo', 'model name (also accepted as the positional model_tag)'),
  spec('--served-model-name', 'str', undefined, 'id in /v1/models (default: the model)', { metavar: 'NAME' }),
  spec('--host', 'str', '127.0.0.1', 'the only interface to bind'),
  spec('--port', 'int', 8000, 'port to listen on'),
  spec('--api-key', 'str', undefined, 'bearer key required on /v1/* (also env VLLM_API_KEY)'),
  spec('--max-model-len', 'int', 32768, 'context length (32k/32K forms accepted)'),
  spec('--limit-mm-per-prompt', 'json', undefined, 'JSON, e.g. {"image":4,"video":0}'),
  spec('--gpu-memory-utilization', 'float', 0.9, 'shapes the KV-cache numbers in the log'),
  spec('--enforce-eager', 'bool', undefined, 'skip the CUDA-graph stage of the log'),
  spec('--disable-log-stats', 'bool', undefined, 'no periodic "Engine 000: ..." stats line'),
  spec('--disable-uvicorn-access-log', 'bool', undefined, 'no access lines'),
  spec('--disable-access-log-for-endpoints', 'str', undefined, 'comma list, e.g. /health,/metrics'),
  spec('--trust-remote-code', 'bool', undefined, IGNORED),
  spec('--reasoning-parser', 'str', undefined, IGNORED),
  spec('--tensor-parallel-size', 'int', 1, IGNORED, { alias: '-tp' }),
  spec('--dtype', 'str', 'auto', IGNORED),
  spec('--tool-call-parser', 'str', undefined, IGNORED),
  spec('--enable-auto-tool-choice', 'bool', undefined, IGNORED),
  spec('--max-num-seqs', 'int', undefined, IGNORED),
  spec('--mm-processor-kwargs', 'json', undefined, IGNORED),
  spec('--quantization', 'str', undefined, IGNORED, { alias: '-q' }),
  spec('--uvicorn-log-level', 'str', 'info', IGNORED),
  // Demo-only knobs.
  spec('--startup-seconds', 'float', 3, 'how long the startup log takes before the port answers'),
  spec('--tokens-per-second', 'float', 60, 'stream pace; 0 = as fast as the client reads'),
  spec('--thinking-tokens', 'int', 300, 'length of the thinking part'),
  spec('--answer-tokens', 'int', 150, 'approximate length of the answer'),
  spec(
    '--grounding-format',
    'choice',
    undefined,
    "boxes in this family's format (default: from the model name)",
    {
      choices: GROUNDING_FORMATS,
    },
  ),
  spec('--reasoning', 'choice', 'reasoning', 'how thinking is emitted', { choices: REASONING_MODES }),
  spec('--fail', 'choice', undefined, 'fail startup like vLLM, exit 1', {
    choices: FAILURE_KINDS,
    metavar: 'KIND',
  }),
  spec('--hang', 'bool', undefined, 'print the early log, never become ready'),
  spec('--shutdown-seconds', 'float', 0, 'how long a clean shutdown takes after SIGTERM/SIGINT'),
  spec('--chunk-error-after', 'int', undefined, 'in-band error chunk after N chunks', { metavar: 'N' }),
  spec('--flood-lines', 'int', 0, 'print N numbered log lines once ready', { metavar: 'N' }),
  spec('--ready-stamp-file', 'str', undefined, 'write Date.now() here at the first /health 200', {
    metavar: 'PATH',
  }),
];

const metavarOf = (/** @type {Spec} */ s) => s.metavar ?? s.flag.slice(2).toUpperCase().replaceAll('-', '_');

function usage() {
  const parts = [
    '[-h]',
    ...SPECS.map((s) => (s.type === 'bool' ? `[${s.flag}]` : `[${s.flag} ${metavarOf(s)}]`)),
  ];
  const indent = ' '.repeat(`usage: ${PROG} `.length);
  const lines = [`usage: ${PROG}`];
  for (const part of [...parts, '[model_tag]']) {
    const last = lines.length - 1;
    if (`${lines[last]} ${part}`.length > 100) lines.push(indent + part);
    else lines[last] = `${lines[last]} ${part}`;
  }
  return `${lines.join('\n')}\n`;
}

/** Flags `--help` shows itself, like vLLM's top-level options; the rest only under `--help=all`. */
const TOP_LEVEL = new Set(['--model', '--host', '--port', '--api-key', '--disable-log-stats']);

/** @param {Spec[]} specs */
function rows(specs) {
  return specs.map((s) => {
    const alias = s.alias ? `, ${s.alias}${s.type === 'bool' ? '' : ` ${metavarOf(s)}`}` : '';
    const name = s.type === 'bool' ? s.flag : `${s.flag} ${metavarOf(s)}${alias}`;
    const extra = s.choices ? ` {${s.choices.join(',')}}` : s.def !== undefined ? ` (default: ${s.def})` : '';
    return `  ${name.padEnd(40)} ${s.help}${extra}`;
  });
}

const EPILOG = `For full list:            ${PROG} --help=all\nFor a flag:               ${PROG} --help=max-model-len\n`;

/**
 * vLLM ≥ 0.10 answers `--help` with its top-level options and a list of groups, and `--help=all` with every
 * flag in argparse's layout; `--help=<word>` lists the flags containing the word.
 * @param {string} keyword
 */
function help(keyword) {
  const head = `${usage()}\nA stand-in for vLLM's OpenAI-compatible server.\n\noptions:\n  -h, --help                               show this help message and exit\n`;
  if (keyword === 'all') return `${head}${rows(SPECS).join('\n')}\n\n${EPILOG}`;
  if (keyword) {
    const word = keyword.toLowerCase().replaceAll('_', '-');
    const found = SPECS.filter((s) => s.flag.includes(word));
    if (found.length === 0) return `No group or arguments matching '${word}'.\n`;
    return `Arguments matching '${word}':\n${rows(found).join('\n')}\n`;
  }
  const top = rows(SPECS.filter((s) => TOP_LEVEL.has(s.flag)));
  return `${head}${top.join('\n')}\n\nConfig Groups:\n  Engine                  the engine's own flags (--help=all)\n\n${EPILOG}`;
}

/** @param {string} message */
const usageError = (message) => ({ exitCode: 2, stderr: `${usage()}${PROG}: error: ${message}\n` });

/**
 * @param {Spec} spec
 * @param {string} value
 * @returns {{ value: unknown } | { error: string }}
 */
function convert(spec, value) {
  const bad = (/** @type {string} */ kind) => ({
    error: `argument ${spec.flag}: invalid ${kind} value: '${value}'`,
  });
  switch (spec.type) {
    case 'int': {
      // vLLM accepts human-readable sizes such as 32k (×1000) and 32K (×1024) for lengths.
      const m = /^(\d+)([kKmM]?)$/.exec(value);
      if (!m) return bad('int');
      const scale = { '': 1, k: 1e3, K: 1024, m: 1e6, M: 1024 * 1024 }[m[2] ?? ''] ?? 1;
      return { value: Number(m[1]) * scale };
    }
    case 'float': {
      const n = Number(value);
      return value.trim() !== '' && Number.isFinite(n) && n >= 0 ? { value: n } : bad('float');
    }
    case 'json':
      try {
        return { value: JSON.parse(value) };
      } catch {
        // vLLM ≥ 0.10 passes these through json.loads; argparse reports the converter function.
        return {
          error: `argument ${spec.flag}: Value ${value} cannot be converted to <function loads at 0x7f3c2a1e4e00>.`,
        };
      }
    case 'choice':
      return spec.choices?.includes(value)
        ? { value }
        : {
            error: `argument ${spec.flag}: invalid choice: '${value}' (choose from ${spec.choices?.map((c) => `'${c}'`).join(', ')})`,
          };
    default:
      return { value };
  }
}

/**
 * Parses argv (without node and script path).
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {{ opts: Record<string, any>, given: string[] } | { exitCode: number, stdout?: string, stderr?: string }}
 */
export function parseArgs(argv, env) {
  /** @type {Record<string, any>} */
  const opts = Object.fromEntries(SPECS.map((s) => [s.dest, s.def ?? (s.type === 'bool' ? false : null)]));
  /** @type {string[]} */ const given = [];
  /** @type {string[]} */ const unknown = [];
  /** @type {string[]} */ const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '-h' || token === '--help') return { exitCode: 0, stdout: help('') };
    if (token.startsWith('--help=')) return { exitCode: 0, stdout: help(token.slice('--help='.length)) };
    if (token === '--version' || token === '-v') return { exitCode: 0, stdout: `${VERSION}\n` };
    if (!token.startsWith('-') || /^-\d/.test(token)) {
      // `vllm serve MODEL` spelling: a leading `serve` is skipped and one positional is the model.
      if (!(i === 0 && token === 'serve')) positional.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq > 0 ? token.slice(0, eq) : token;
    const spec = SPECS.find((s) => s.flag === name || s.alias === name);
    if (!spec) {
      unknown.push(token);
      continue;
    }
    let value = eq > 0 ? token.slice(eq + 1) : undefined;
    if (spec.type === 'bool') {
      if (value !== undefined)
        return usageError(`argument ${spec.flag}: ignored explicit argument '${value}'`);
      opts[spec.dest] = true;
    } else {
      if (value === undefined) {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith('--') && next.length > 2)) {
          return usageError(`argument ${spec.flag}: expected one argument`);
        }
        value = next;
        i++;
      }
      const converted = convert(spec, value);
      if ('error' in converted) return usageError(converted.error);
      opts[spec.dest] = converted.value;
    }
    given.push(spec.dest);
  }
  if (positional.length > 0) {
    opts.model = positional.shift();
    given.push('model');
  }
  unknown.push(...positional);
  if (unknown.length > 0) return usageError(`unrecognized arguments: ${unknown.join(' ')}`);

  opts.limitMmRaw = opts.limitMmPerPrompt;
  const limit = normaliseMmLimits(opts.limitMmPerPrompt);
  if (typeof limit === 'string') return usageError(`argument --limit-mm-per-prompt: ${limit}`);
  opts.limitMmPerPrompt = limit;
  opts.servedModelName ??= opts.model;
  opts.apiKey ??= env.VLLM_API_KEY || null;
  // Benchmarks set this in the app's environment, which the engine inherits; no request can set it.
  opts.readyStampFile ??= env.DEMO_ENGINE_READY_STAMP_FILE || undefined;
  if (opts.maxModelLen < 1)
    return usageError(`argument --max-model-len: invalid int value: '${opts.maxModelLen}'`);
  return { opts, given };
}

/**
 * vLLM takes `{"image": 4}` or `{"image": {"count": 4, ...}}`; unset modalities default to 999.
 * @param {unknown} raw
 * @returns {Record<string, number> | string} the limits, or an error message
 */
function normaliseMmLimits(raw) {
  /** @type {Record<string, number>} */
  const limits = { image: 999, video: 999, audio: 999 };
  if (raw === null) return limits;
  if (typeof raw !== 'object' || Array.isArray(raw))
    return `Value ${JSON.stringify(raw)} is not a JSON object.`;
  for (const [modality, value] of Object.entries(raw)) {
    const count = typeof value === 'object' && value !== null ? value.count : value;
    if (!Number.isInteger(count) || count < 0)
      return `Invalid limit for ${modality}: ${JSON.stringify(value)}`;
    limits[modality] = count;
  }
  return limits;
}
