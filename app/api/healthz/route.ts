import { publicRoute } from '@/lib/server/route';

export const dynamic = 'force-dynamic';

// Open, and says nothing but that the app is up: for tunnels' and supervisors' liveness checks.
export const GET = publicRoute(async () => new Response('ok', { headers: { 'Content-Type': 'text/plain' } }));
