'use client';
// The engine's status for parts of the chat that tell the person what the engine is doing (the empty
// state), without threading it through the memoised chat view: the page provides it once.
import { createContext, useContext } from 'react';
import type { EngineStatus } from '@/lib/engine/types';

export interface EngineView {
  status: EngineStatus | null;
  openConsole(): void;
}

export const EngineViewContext = createContext<EngineView>({ status: null, openConsole: () => {} });

export function useEngineView(): EngineView {
  return useContext(EngineViewContext);
}
