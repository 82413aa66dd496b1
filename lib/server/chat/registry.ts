import 'server-only';
// The generations of this app process, by id. On globalThis for the same reason as the supervisor: Next may
// load this module in several bundles, and a reattach must find the generation its chat request started.
import { randomUUID } from 'node:crypto';
import { Generation, type GenerationLimits } from './generation';

const KEY = Symbol.for('vlm-console.generations');

class GenerationRegistry {
  private readonly generations = new Map<string, Generation>();

  constructor(private readonly limits: GenerationLimits) {}

  create(model: string): Generation {
    const id = randomUUID();
    const generation = new Generation(id, model, this.limits, (gone) => this.generations.delete(gone));
    this.generations.set(id, generation);
    return generation;
  }

  get(id: string): Generation | undefined {
    return this.generations.get(id);
  }

  discard(id: string): void {
    this.generations.delete(id);
  }

  running(): Generation[] {
    return [...this.generations.values()].filter((g) => !g.finished);
  }
}

export type { GenerationRegistry };

export function getGenerations(limits: GenerationLimits): GenerationRegistry {
  const holder = globalThis as { [KEY]?: GenerationRegistry };
  holder[KEY] ??= new GenerationRegistry(limits);
  return holder[KEY];
}
