import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, effectiveParams, parseSettings, sampleValue } from './chat-settings';

const PROFILE = { temperature: 0.6, top_p: 0.95, max_tokens: 8192 };

describe('chat settings', () => {
  it('sends the profile defaults unless the person set a value', () => {
    expect(effectiveParams(DEFAULT_SETTINGS, PROFILE)).toEqual(PROFILE);
    expect(effectiveParams({ ...DEFAULT_SETTINGS, temperature: 0.2 }, PROFILE)).toEqual({
      ...PROFILE,
      temperature: 0.2,
    });
    expect(effectiveParams({ ...DEFAULT_SETTINGS, max_tokens: 100 }, null)).toEqual({ max_tokens: 100 });
    expect(effectiveParams(DEFAULT_SETTINGS, null)).toEqual({});
  });

  it('reads stored settings field by field and survives garbage', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"systemPrompt":"Be brief","temperature":7,"top_p":0.5}')).toEqual({
      ...DEFAULT_SETTINGS,
      systemPrompt: 'Be brief',
      top_p: 0.5,
    });
  });

  it('turns typed text into a value in range', () => {
    expect(sampleValue('temperature', '')).toBeNull();
    expect(sampleValue('temperature', '3')).toBe(2);
    expect(sampleValue('top_p', '0')).toBe(0.01);
    expect(sampleValue('max_tokens', '12.7')).toBe(13);
    expect(sampleValue('max_tokens', 'abc')).toBeNull();
  });
});
