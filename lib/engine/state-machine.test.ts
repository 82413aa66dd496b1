import { describe, expect, it } from 'vitest';
import { canStart, canStop, isActive, isRunning, nextState } from './state-machine';

describe('engine state machine', () => {
  it('walks the happy path stopped → starting → ready → stopping → stopped', () => {
    expect(nextState('stopped', 'start')).toBe('starting');
    expect(nextState('starting', 'ready')).toBe('ready');
    expect(nextState('ready', 'stop')).toBe('stopping');
    expect(nextState('stopping', 'stopped')).toBe('stopped');
  });

  it('tells a crash from a requested stop', () => {
    expect(nextState('starting', 'exit')).toBe('crashed');
    expect(nextState('ready', 'exit')).toBe('crashed');
    expect(nextState('stopping', 'exit')).toBe('stopping');
  });

  it('fails a launch that times out or is hopeless, and lets it be started again', () => {
    expect(nextState('starting', 'timeout')).toBe('failed');
    expect(nextState('starting', 'hopeless')).toBe('failed');
    expect(nextState('failed', 'start')).toBe('starting');
    expect(nextState('crashed', 'start')).toBe('starting');
  });

  it('refuses impossible events', () => {
    expect(nextState('stopped', 'ready')).toBeNull();
    expect(nextState('ready', 'start')).toBeNull();
    expect(nextState('starting', 'start')).toBeNull();
    expect(nextState('stopping', 'start')).toBeNull();
    expect(nextState('orphaned', 'start')).toBeNull();
  });

  it('only lets an orphan be stopped', () => {
    expect(nextState('stopped', 'orphan-found')).toBe('orphaned');
    expect(nextState('orphaned', 'stop')).toBe('stopping');
    expect(isActive('orphaned')).toBe(true);
    expect(isActive('crashed')).toBe(false);
  });

  it('derives what the console may offer from the table', () => {
    const states = ['stopped', 'starting', 'ready', 'stopping', 'crashed', 'failed', 'orphaned'] as const;
    expect(states.filter(canStart)).toEqual(['stopped', 'crashed', 'failed']);
    expect(states.filter(isActive)).toEqual(['starting', 'ready', 'stopping', 'orphaned']);
    expect(states.filter(canStop)).toEqual(['starting', 'ready', 'orphaned']);
    expect(states.filter(isRunning)).toEqual(['starting', 'ready']);
  });
});
