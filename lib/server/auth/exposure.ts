import 'server-only';

// Whether the browser reached the app from outside this machine, and through which URL: the UI shows an
// "exposed publicly" badge then.

const LOCAL_HOSTS = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/i;

export function exposure(request: Request): { exposed: boolean; url: string } {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? '';
  const proto = (request.headers.get('x-forwarded-proto') ?? 'http').split(',')[0]?.trim() ?? 'http';
  return { exposed: !LOCAL_HOSTS.test(host), url: `${proto}://${host}` };
}
