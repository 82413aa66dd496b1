// How long the diagnosis rules take over a long log: a 20,000-line traceback-heavy vLLM log whose one known
// failure is its last line (the worst case: every line is tried). Pasted logs and a crashed launch's log are
// scanned like this; the goal keeps the diagnose button and a crash's status event prompt.
import { describe, it } from 'vitest';
import { diagnoseLines } from '@/lib/diagnosis/diagnose';
import { percentile, record } from './report';

const GOAL_MS = 1_500;

describe('diagnosis scan', () => {
  it('a 20,000-line log', () => {
    const lines = [
      ...Array.from(
        { length: 19_999 },
        (_, i) => `(APIServer pid=1) ERROR 07-01 10:00:01 [core.py:700]   File "/x/vllm/f${i}.py", line ${i}`,
      ),
      'OSError: [Errno 28] No space left on device',
    ];
    diagnoseLines(lines); // warm-up: compiled rules and JIT
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const result = diagnoseLines(lines);
      times.push(performance.now() - started);
      if (result?.line.index !== 19_999) throw new Error('the scan missed the failing line');
    }
    const p50 = percentile(times, 50);
    record([
      {
        scenario: 'diagnosis, 20,000-line log',
        metric: 'scan time, p50 of 5',
        value: `${p50.toFixed(0)} ms`,
        target: `≤ ${GOAL_MS} ms`,
        ok: p50 <= GOAL_MS,
      },
    ]);
  });
});
