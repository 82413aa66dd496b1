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

/** A new launch may begin: nothing of an earlier one is alive (stopped, crashed, failed). */
export function canStart(state: EngineState): boolean {
  return nextState(state, 'start') !== null;
}

/** States in which an engine process (or an attached server) may be alive: exactly those a start is refused in. */
export function isActive(state: EngineState): boolean {
  return !canStart(state);
}

/** Stop has something to stop (starting, ready, orphaned); in crashed/failed it only clears the status. */
export function canStop(state: EngineState): boolean {
  return nextState(state, 'stop') === 'stopping';
}

/** A launch of this app is under way (starting or ready): an engine exit now would be a crash. */
export function isRunning(state: EngineState): boolean {
  return nextState(state, 'exit') === 'crashed';
}
