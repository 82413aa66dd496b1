// The app's top bar: menu (phones), name, engine chip, settings.
import { ExposureBadge } from '@/components/auth/exposure-badge';
import { IconButton } from '@/components/ui/icon-button';
import { MenuIcon, SlidersIcon } from '@/components/ui/icons';
import type { EngineStatus } from '@/lib/engine/types';
import { EngineChip } from './engine-chip';

export interface TopBarProps {
  status: EngineStatus | null;
  connected: boolean;
  isConsoleOpen: boolean;
  onToggleConsole(): void;
  onOpenSidebar(): void;
  onOpenSettings(): void;
}

export function TopBar(props: TopBarProps) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b border-border bg-background px-2 sm:px-4">
      <IconButton
        label="Conversations"
        data-testid="open-sidebar"
        className="md:hidden"
        onClick={props.onOpenSidebar}
      >
        <MenuIcon size={18} />
      </IconButton>
      <h1 className="mr-auto truncate text-[15px] font-semibold tracking-tight">VLM Console</h1>
      <ExposureBadge />
      <EngineChip
        status={props.status}
        connected={props.connected}
        isConsoleOpen={props.isConsoleOpen}
        onToggle={props.onToggleConsole}
      />
      <IconButton label="Settings" data-testid="settings-button" onClick={props.onOpenSettings}>
        <SlidersIcon size={18} />
      </IconButton>
    </header>
  );
}
