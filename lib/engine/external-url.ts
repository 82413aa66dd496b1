// Addresses an `external` server URL may not point at unless the operator allows it: link-local ones and
// the clouds' instance-metadata services. The app fetches that URL from the machine it runs on, so
// whoever has the token could otherwise read the machine's cloud credentials through health and chat.

/** Setting (environment variable) that lets such URLs through, for a server that really lives there. */
export const ALLOW_LINK_LOCAL_ENV = 'VLM_CONSOLE_EXTERNAL_ALLOW_LINK_LOCAL';

const METADATA_HOSTS = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.internal',
  'instance-data',
  'instance-data.ec2.internal',
  // Alibaba Cloud and Oracle Cloud metadata addresses outside 169.254/16.
  '100.100.100.200',
]);

/** 169.254.0.0/16, fe80::/10, AWS's IPv6 metadata address, and IPv4-mapped forms of them. */
function isLinkLocal(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (/^169\.254\.\d+\.\d+$/.test(bare)) return true;
  if (/^fe[89ab][0-9a-f]?:/.test(bare)) return true;
  if (bare === 'fd00:ec2::254') return true;
  // ::ffff:169.254.x.y, which the URL parser writes as ::ffff:a9fe:xxxx
  return /^::ffff:a9fe:[0-9a-f]{1,4}$/.test(bare) || /^::ffff:169\.254\./.test(bare);
}

/** Why this URL is refused, or null when it is fine. The URL parser has already normalised odd IPv4 forms. */
export function linkLocalProblem(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null; // not a URL at all: the schema's own URL check says so
  }
  if (METADATA_HOSTS.has(host) || isLinkLocal(host)) {
    return `points at a link-local or cloud metadata address (${host}); set ${ALLOW_LINK_LOCAL_ENV}=1 to allow it`;
  }
  return null;
}

export function linkLocalAllowed(): boolean {
  return typeof process !== 'undefined' && process.env?.[ALLOW_LINK_LOCAL_ENV] === '1';
}
