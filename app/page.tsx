import { AppShell } from '@/components/layout/app-shell';

export default function HomePage() {
  return <AppShell />;
}
