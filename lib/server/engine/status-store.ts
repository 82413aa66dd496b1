import 'server-only';
// The engine status and who is told when it changes. Every state change goes through the transition table;
// progress-only changes (a redrawn bar) are coalesced to four events a second, state changes never wait.
import { EventEmitter } from 'node:events';
import { type EngineEvent, nextState } from '@/lib/engine/state-machine';
import type { EngineStatus, Stage } from '@/lib/engine/types';

export const IDLE_STATUS: EngineStatus = {
  state: 'stopped',
  launchId: null,
  profile: null,
  options: null,
  pid: null,
  startedAt: null,
  readyAt: null,
  exit: null,
  stage: null,
  model: null,
  error: null,
  health: null,
  warning: null,
  command: null,
  diagnosis: null,
  stoppedBy: null,
};

const PROGRESS_EVENT_MS = 250;

export class StatusStore {
  private status: EngineStatus = { ...IDLE_STATUS };
  private readonly events = new EventEmitter();
  private throttle: NodeJS.Timeout | null = null;

  constructor() {
    this.events.setMaxListeners(0);
  }

  get current(): EngineStatus {
    return this.status;
  }

  onChange(listener: (status: EngineStatus) => void): () => void {
    this.events.on('status', listener);
    return () => this.events.off('status', listener);
  }

  /** Applies `event` if the table allows it from the current state; returns whether it did. */
  transition(
    event: EngineEvent,
    patch: Partial<EngineStatus> | ((next: EngineStatus['state']) => Partial<EngineStatus>),
  ): boolean {
    const state = nextState(this.status.state, event);
    if (!state) return false;
    const changes = typeof patch === 'function' ? patch(state) : patch;
    this.status = { ...this.status, ...changes, state };
    this.emit();
    return true;
  }

  patch(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    this.emit();
  }

  setStage(stage: Stage): void {
    const previous = this.status.stage;
    this.status = { ...this.status, stage };
    if (previous?.name !== stage.name) this.emit();
    else if (!this.throttle) {
      this.throttle = setTimeout(() => {
        this.throttle = null;
        this.emit();
      }, PROGRESS_EVENT_MS);
    }
  }

  private emit(): void {
    this.events.emit('status', this.status);
  }
}
