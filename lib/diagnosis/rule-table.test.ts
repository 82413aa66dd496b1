import { describe, expect, it } from 'vitest';
import { formatCount, kvCacheContextPatch, moreImagesPatch, nextPortPatch } from './patches';
import { DIAGNOSIS_RULES } from './rules';
import { DIAGNOSIS_CATEGORIES } from './types';

const NO_MATCH = /x/.exec('x') as RegExpExecArray;

describe('the rule table', () => {
  it('has unique ids and known categories, and covers every category but unknown', () => {
    const ids = DIAGNOSIS_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    const categories = new Set(DIAGNOSIS_RULES.map((rule) => rule.category));
    expect([...categories].every((c) => (DIAGNOSIS_CATEGORIES as readonly string[]).includes(c))).toBe(true);
    expect(categories.size).toBe(DIAGNOSIS_CATEGORIES.length - 1);
  });

  it('uses patterns the combined pre-filter can hold', () => {
    for (const rule of DIAGNOSIS_RULES) {
      for (const pattern of rule.patterns) {
        // Stateful flags would make repeated tests skip matches; back-references break inside the union.
        expect(pattern.flags, `${rule.id} ${pattern}`).not.toMatch(/[gy]/);
        expect(pattern.source, `${rule.id} ${pattern}`).not.toMatch(/\\[1-9]|\(\?</);
      }
    }
  });

  it('marks only chat_template and mm_limit as request-time', () => {
    const request = DIAGNOSIS_RULES.filter((rule) => rule.phase === 'request').map((rule) => rule.category);
    expect(new Set(request)).toEqual(new Set(['chat_template', 'mm_limit']));
  });

  it('never matches a bare "out of memory" or "OOM"', () => {
    const texts = ['out of memory', 'OOM', 'Killed: OOM', 'ran out of memory, consider lowering it'];
    for (const text of [
      ...texts,
      'ray.exceptions.OutOfMemoryError: Task was killed due to the node running low on memory.',
    ]) {
      const hits = DIAGNOSIS_RULES.filter((rule) => rule.patterns.some((p) => p.test(text)));
      expect(
        hits.map((rule) => rule.id),
        text,
      ).toEqual([]);
    }
  });
});

describe('patches', () => {
  it('formats token counts with thousands separators', () => {
    expect(formatCount(24576)).toBe('24,576');
    expect(formatCount(1_001_532)).toBe('1,001,532');
    expect(formatCount(512)).toBe('512');
  });

  it('turns the KV-cache estimate into a context length', () => {
    const patch = kvCacheContextPatch(
      NO_MATCH,
      'Based on the available memory, the estimated maximum model length is 24576.',
    );
    expect(patch?.options).toEqual({ maxModelLen: 24576 });
    expect(patch?.label).toContain('24,576');
    expect(kvCacheContextPatch(NO_MATCH, 'the estimated maximum model length is 0.')).toBeNull();
  });

  it('moves to the next port and raises the image limit only upward', () => {
    expect(
      nextPortPatch(NO_MATCH, "bind on address ('0.0.0.0', 8000): address already in use")?.options,
    ).toEqual({
      port: 8001,
    });
    expect(moreImagesPatch(NO_MATCH, 'At most 16 image(s) may be provided in one prompt.')).toBeNull();
    expect(
      moreImagesPatch(NO_MATCH, 'You set image=2 in `--limit-mm-per-prompt`, but passed 3 image items')
        ?.options,
    ).toEqual({ imagesPerPrompt: 3 });
  });
});
