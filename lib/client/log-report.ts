// The bug-report bundle: one Markdown text with what a report needs — the command line, the options that
// differ from the last launch that reached ready, the machine check, the diagnosis and the last log lines.
// The server already masks its own secrets in lines and commands; tokens that merely look like secrets are
// masked here again, as a second line of defence. Pure.
import type { Diagnosis } from '@/lib/diagnosis';
import type { EngineStatus, LogLine } from '@/lib/engine/types';
import type { SystemReport } from '@/lib/system/types';

export const REPORT_LOG_LINES = 200;

export interface OptionChange {
  key: string;
  before: unknown;
  after: unknown;
}

export interface ReportInput {
  now: number;
  status: EngineStatus | null;
  profileId: string | null;
  commandLine: string | null;
  options: Record<string, unknown> | null;
  lastReady: { options: Record<string, unknown>; at: number } | null;
  system: SystemReport | null;
  diagnosis: Diagnosis | null;
  lines: readonly Pick<LogLine, 'stream' | 'text'>[];
}

const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bhf_[A-Za-z0-9]{8,}/g, 'hf_***'],
  [/\b(Bearer)\s+[^\s"',;]+/gi, '$1 ***'],
  [/\b(sk-(?:proj-)?)[A-Za-z0-9_-]{12,}/g, '$1***'],
  [/((?:api[_-]?key|token|secret|password)["']?\s*[:=]\s*["']?)(?!\*\*\*)[^\s"',}]{8,}/gi, '$1***'],
  [/(--(?:api-key|hf-token)[= ])(?!\*\*\*)\S+/g, '$1***'],
];

/** Masks anything that looks like a Hugging Face token, a bearer token or a key assignment. */
export function maskSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Options that differ between two launches, by key, in key order. */
export function diffOptions(before: Record<string, unknown>, after: Record<string, unknown>): OptionChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
}

const show = (value: unknown) => (value === undefined ? '(unset)' : `\`${JSON.stringify(value)}\``);

/** A code fence longer than any run of backticks inside, so a log line cannot close it. */
function fenced(body: string, info: string): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${body}\n${fence}`;
}

function optionsSection({ options, lastReady }: ReportInput): string[] {
  const head = '## Options changed since the last launch that reached ready';
  if (!options) return [head, '', 'No launch options yet.'];
  if (!lastReady) return [head, '', 'No launch of this profile has reached ready yet.'];
  const changes = diffOptions(lastReady.options, options);
  const when = new Date(lastReady.at).toISOString();
  if (changes.length === 0) return [head, '', `None: the same options reached ready at ${when}.`];
  return [
    head,
    '',
    `Compared with the launch that reached ready at ${when}:`,
    '',
    '| option | then | now |',
    '| --- | --- | --- |',
    ...changes.map((c) => `| ${c.key} | ${show(c.before)} | ${show(c.after)} |`),
  ];
}

function machineSection(system: SystemReport | null): string[] {
  const head = '## Machine check';
  if (!system) return [head, '', 'Not available.'];
  const items = system.items.map((i) => `- [${i.status}] ${i.label}: ${i.value} — ${i.sentence}`);
  const gpus = system.gpus.map(
    (g) =>
      `- GPU ${g.index}: ${g.name}, ${g.memoryUsedMiB ?? '?'} / ${g.memoryTotalMiB ?? '?'} MiB used, compute ${g.computeCapability ?? '?'}`,
  );
  return [head, '', `Checked ${new Date(system.checkedAt).toISOString()}.`, '', ...items, ...gpus];
}

function diagnosisSection(diagnosis: Diagnosis | null): string[] {
  const head = '## Diagnosis';
  if (!diagnosis) return [head, '', 'None.'];
  return [
    head,
    '',
    `**${diagnosis.title}** (\`${diagnosis.category}\`, rule \`${diagnosis.ruleId}\`)`,
    '',
    diagnosis.explanation,
    '',
    fenced(diagnosis.line.text, 'text'),
    '',
    `Fix: ${diagnosis.fix}`,
  ];
}

export function buildReport(input: ReportInput): string {
  const { status, now } = input;
  const exit = status?.exit ? ` (exit ${status.exit.signal ?? status.exit.code})` : '';
  const tail = input.lines.slice(-REPORT_LOG_LINES);
  const logBody = tail.map((l) => (l.stream === 'system' ? `[app] ${l.text}` : l.text)).join('\n');
  const parts = [
    '# VLM Console report',
    '',
    `Generated ${new Date(now).toISOString()} · engine ${status?.state ?? 'unknown'}${exit} · profile ${input.profileId ?? 'none'}${status?.launchId ? ` · launch ${status.launchId}` : ''}`,
    ...(status?.error ? ['', `Error: ${status.error}`] : []),
    '',
    '## Command line',
    '',
    input.commandLine ? fenced(input.commandLine, 'sh') : 'None.',
    '',
    ...optionsSection(input),
    '',
    ...machineSection(input.system),
    '',
    ...diagnosisSection(input.diagnosis),
    '',
    `## Last ${tail.length} log lines`,
    '',
    tail.length ? fenced(logBody, 'text') : 'No log lines.',
    '',
  ];
  return maskSecrets(parts.join('\n'));
}
