import { EngineConsole } from '@/components/engine/engine-console';

export default function HomePage() {
  return (
    <main className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-3 sm:p-6">
      <header className="flex items-baseline justify-between gap-3">
        <h1 className="text-lg font-semibold tracking-tight">VLM Console</h1>
        <p className="text-sm text-muted-foreground">model server launcher</p>
      </header>
      <EngineConsole />
    </main>
  );
}
