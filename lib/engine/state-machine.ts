// The engine's life cycle as a transition table. The supervisor asks it before every state change, so an
// impossible sequence (ready after a stop, say) is refused in one place instead of guarded in many.
import type { EngineState } from './types';

export type EngineEvent =
  | 'start'
  | 'ready'
  | 'exit'
  | 'timeout'
  | 'hopeless'
  | 'stop'
  | 'stopped'
  | 'orphan-found';

const TRANSITIONS: Record<EngineState, Partial<Record<EngineEvent, EngineState>>> = {
  stopped: { start: 'starting', 'orphan-found': 'orphaned' },
  starting: { ready: 'ready', exit: 'crashed', timeout: 'failed', hopeless: 'failed', stop: 'stopping' },
  ready: { exit: 'crashed', stop: 'stopping' },
  stopping: { exit: 'stopping', stopped: 'stopped' },
  crashed: { start: 'starting', stop: 'stopped' },
  failed: { start: 'starting', stop: 'stopped' },
  orphaned: { stop: 'stopping' },
};

export function nextState(state: EngineState, event: EngineEvent): EngineState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** States in which an engine process (or an attached server) may be alive. */
export function isActive(state: EngineState): boolean {
  return state === 'starting' || state === 'ready' || state === 'stopping' || state === 'orphaned';
}
