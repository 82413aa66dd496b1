'use client';
// The whole page: top bar, conversation sidebar (a drawer on phones), the open conversation, the engine
// console pane and the settings sheet. It owns the page-wide state and hands each part what it needs.
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { ChatView } from '@/components/chat/chat-view';
import { Sheet } from '@/components/ui/sheet';
import { useChatCurrent } from '@/hooks/use-chat-current';
import { useChatGeneration } from '@/hooks/use-chat-generation';
import { useChatSettings } from '@/hooks/use-chat-settings';
import { useConsoleOpen } from '@/hooks/use-console-open';
import { useConversations } from '@/hooks/use-conversations';
import { useEngineStream } from '@/hooks/use-engine-stream';
import { EngineViewContext } from '@/hooks/use-engine-view';
import { useMediaQuery } from '@/hooks/use-media-query';
import { useProfiles } from '@/hooks/use-profiles';
import { effectiveParams } from '@/lib/client/chat-settings';
import { composerImageLimits } from '@/lib/client/image-limits';
import { ConsolePane } from './console-pane';
import { ConversationSidebar, type ConversationSidebarProps } from './conversation-sidebar';
import { TopBar } from './top-bar';

type SidebarMessage = ConversationSidebarProps['message'];

// The console (launch form, machine check, log, history, diagnosis rules and option schemas) is a large part
// of the page's code: it is loaded in a chunk of its own, and rendered from the first time it opens, so a page
// opened on a ready engine hydrates the chat alone.
const EngineConsole = lazy(() =>
  import('@/components/engine/engine-console').then((m) => ({ default: m.EngineConsole })),
);

// The settings sheet is closed on the first screen: its code loads on first open.
const SettingsPanel = lazy(() =>
  import('@/components/chat/settings-panel').then((m) => ({ default: m.SettingsPanel })),
);

export function AppShell() {
  const stream = useEngineStream();
  const { status } = stream;
  const { data: catalog } = useProfiles();
  const { settings, update: updateSettings } = useChatSettings();
  const { conversations, rename, remove, exportOne, exportAll, importFile } = useConversations();
  const { currentId, setCurrentId, restored } = useChatCurrent(conversations);
  const [consoleOpen, setConsoleOpen, consoleOpenedByPerson] = useConsoleOpen(status?.state ?? null);
  const [hasConsole, setHasConsole] = useState(false);
  if (consoleOpen && !hasConsole) setHasConsole(true);
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [hasSettings, setHasSettings] = useState(false);
  if (settingsOpen && !hasSettings) setHasSettings(true);
  const [sidebarMessage, setSidebarMessage] = useState<SidebarMessage>(null);
  // One copy of the sidebar at a time: beside the chat from md up, in a drawer below.
  const isWide = useMediaQuery('(min-width: 48rem)');

  const isReady = status?.state === 'ready';
  const modelId = status?.model?.id ?? null;
  const profile = useMemo(
    () => catalog?.profiles.find((p) => p.id === (status?.profile ?? catalog.defaultProfile)) ?? null,
    [catalog, status?.profile],
  );
  // Keyed on the one option that matters: status objects are new with every event, and a new limits object
  // would re-render the memoised chat each time.
  const launchedImages = status?.options?.imagesPerPrompt;
  const imageLimits = useMemo(
    () => ({
      ...composerImageLimits({ imagesPerPrompt: launchedImages }, profile?.images),
      video: profile?.video ?? undefined,
      maxVideoBytes: catalog?.maxVideoBytes,
      pending: !catalog,
    }),
    [launchedImages, profile?.images, profile?.video, catalog],
  );
  const generation = useChatGeneration(() => ({
    systemPrompt: settings.systemPrompt,
    params: effectiveParams(settings, profile?.sampling ?? null),
  }));

  const select = useCallback(
    (id: string | null) => {
      setCurrentId(id);
      setSidebarOpen(false);
    },
    [setCurrentId],
  );

  const tell = useCallback((result: { ok: true } | { ok: false; error: string }, success?: string) => {
    if (!result.ok) setSidebarMessage({ tone: 'error', text: result.error });
    else setSidebarMessage(success ? { tone: 'info', text: success } : null);
  }, []);

  const onRename = useCallback(
    async (id: string, title: string) => tell(await rename(id, title)),
    [rename, tell],
  );
  const onDelete = useCallback(
    async (id: string) => {
      if (generation.active?.conversationId === id) generation.stop();
      tell(await remove(id));
      if (id === currentId) setCurrentId(null);
    },
    [remove, currentId, setCurrentId, generation.active, generation.stop, tell],
  );
  const onImport = useCallback(
    async (file: File) => {
      const result = await importFile(file);
      const count = result.ok ? (result.ids?.length ?? 0) : 0;
      tell(result, `Imported ${count} conversation${count === 1 ? '' : 's'}.`);
      if (result.ok && result.ids?.[0]) select(result.ids[0]);
    },
    [importFile, tell, select],
  );
  const onNew = useCallback(() => select(null), [select]);
  const onExportAll = useCallback(() => void exportAll(), [exportAll]);
  const openConsole = useCallback(() => setConsoleOpen(true), [setConsoleOpen]);
  const closeConsole = useCallback(() => setConsoleOpen(false), [setConsoleOpen]);
  const onExport = useCallback(
    (format: 'markdown' | 'json') => {
      if (currentId) void exportOne(currentId, format);
    },
    [currentId, exportOne],
  );

  const current = conversations?.find((c) => c.id === currentId) ?? null;
  const engineView = useMemo(() => ({ status, openConsole }), [status, openConsole]);
  const sidebar = (
    <ConversationSidebar
      conversations={conversations}
      currentId={currentId}
      streamingConversationId={generation.active?.conversationId ?? null}
      onNew={onNew}
      onSelect={select}
      onRename={onRename}
      onDelete={onDelete}
      onImport={onImport}
      onExportAll={onExportAll}
      message={sidebarMessage}
    />
  );

  return (
    <div className="flex h-dvh flex-col overflow-hidden">
      <TopBar
        status={status}
        connected={stream.connected}
        isConsoleOpen={consoleOpen}
        onToggleConsole={() => setConsoleOpen(!consoleOpen)}
        onOpenSidebar={() => setSidebarOpen(true)}
        onOpenSettings={() => setSettingsOpen(true)}
      />
      <div className="flex min-h-0 flex-1">
        <aside className="hidden w-64 shrink-0 border-r border-border bg-sidebar md:block">
          {isWide && sidebar}
        </aside>
        <main className="min-w-0 flex-1">
          <EngineViewContext value={engineView}>
            {restored && (
              <ChatView
                conversationId={currentId}
                title={current?.title ?? null}
                isReady={isReady}
                modelId={modelId}
                imageLimits={imageLimits}
                generation={generation}
                onConversationCreated={setCurrentId}
                onOpenConsole={openConsole}
                onExport={onExport}
              />
            )}
          </EngineViewContext>
        </main>
        <ConsolePane open={consoleOpen} openedByPerson={consoleOpenedByPerson} onClose={closeConsole}>
          {hasConsole && (
            <Suspense fallback={<p className="text-sm text-muted-foreground">Loading the console…</p>}>
              <EngineConsole stream={stream} />
            </Suspense>
          )}
        </ConsolePane>
      </div>
      <Sheet
        open={sidebarOpen && !isWide}
        onClose={() => setSidebarOpen(false)}
        title="Conversations"
        side="left"
        width="max-w-[min(20rem,85vw)]"
        tone="sidebar"
      >
        {sidebar}
      </Sheet>
      {hasSettings && (
        <Suspense fallback={null}>
          <SettingsPanel
            open={settingsOpen}
            onClose={() => setSettingsOpen(false)}
            settings={settings}
            onChange={updateSettings}
            defaults={profile?.sampling ?? null}
            profileLabel={profile?.label ?? null}
          />
        </Suspense>
      )}
    </div>
  );
}
