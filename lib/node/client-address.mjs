// Who is on the other end of a request, for rate limiting. X-Forwarded-For is honoured only when the
// connection comes from a proxy the operator trusts (a tunnel client on this machine, nginx); anyone else
// could write any address into it. The answer travels to the app in a header this server alone sets.

export const CLIENT_ADDRESS_HEADER = 'x-vlm-client-address';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** @param {string | undefined} spec comma-separated addresses, or `loopback` */
export function parseTrustedProxies(spec) {
  const entries = (spec ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return (/** @type {string} */ address) =>
    entries.some((entry) => (entry === 'loopback' ? LOOPBACK.test(address) : entry === address));
}

/**
 * @param {string | undefined} remote the socket's address
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header
 * @param {(address: string) => boolean} isTrusted
 */
export function clientAddress(remote, forwardedFor, isTrusted) {
  const socket = remote ?? 'unknown';
  if (!isTrusted(socket) || !forwardedFor) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // The rightmost address our trusted proxies did not add is the client as far as we can know.
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop && !isTrusted(hop)) return hop;
  }
  return hops[0] ?? socket;
}

/** Headers only a proxy in front of the app may write: which URL the browser used to reach it. */
const FORWARDED_URL_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded'];

/**
 * Removes the forwarded-URL headers from a request that did not come through a trusted proxy: anyone else
 * could claim any host or scheme (the session route reflects them, the cross-site check compares Origin
 * with them). Next then fills them in from the connection itself.
 * @param {Record<string, string | string[] | undefined>} headers the request's headers, changed in place
 * @param {string | undefined} remote the socket's address
 * @param {(address: string) => boolean} isTrusted
 */
export function dropUntrustedForwarding(headers, remote, isTrusted) {
  if (isTrusted(remote ?? 'unknown')) return;
  for (const name of FORWARDED_URL_HEADERS) delete headers[name];
}
