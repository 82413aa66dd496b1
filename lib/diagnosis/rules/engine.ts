// Engine-process failures that only say the engine is gone or late. They rank lowest among the rules so any
// recognised root cause printed above them wins.
import { WRAPPER_PATTERNS } from '@/lib/engine/vllm-log';
import type { DiagnosisRule } from '../types';

export const ENGINE_RULES: readonly DiagnosisRule[] = [
  {
    id: 'engine-ready-timeout',
    category: 'engine_ready_timeout',
    phase: 'launch',
    priority: 40,
    severity: 'error',
    patterns: [
      /Timed out waiting for engines? (?:core processes )?to start/i,
      /Timed out waiting for engines to send initial message/i,
      // V0 multiprocessing front end waiting for its engine process.
      /Unable to start RPC Server|didn't reply within \d+ ?ms/i,
    ],
    title: 'The engine took too long to start',
    explanation:
      'vLLM gives its engine process a fixed time to start (VLLM_ENGINE_READY_TIMEOUT_S, 600 s by default), ' +
      'and that includes downloading and loading the weights. A slow first download of a large model often ' +
      'runs past it.',
    fix:
      'Pre-download the model (hf download <repo>) and relaunch, or raise VLLM_ENGINE_READY_TIMEOUT_S (e.g. ' +
      '1800). If the log stopped moving long before the timeout, look for a stuck download or a hung GPU.',
  },
  {
    id: 'engine-core-died',
    category: 'engine_core_died',
    phase: 'launch',
    priority: 10,
    severity: 'error',
    patterns: WRAPPER_PATTERNS,
    quoteRootCause: true,
    title: 'The vLLM engine process died',
    explanation:
      "vLLM's engine runs in a separate process; it stopped, and the API server only reports that it is gone. " +
      'The real cause is normally the first error printed above that message (quoted here when one was found). ' +
      'When there is none, the process was killed from outside, most often by the system running out of RAM.',
    fix:
      'Read the quoted line and the lines just above it. If no error is shown, check the RAM of the machine ' +
      '(dmesg shows the out-of-memory killer), use less memory (smaller model or --max-model-len) and relaunch.',
  },
];
