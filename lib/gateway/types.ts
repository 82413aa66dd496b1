// What the keys API and the gateway's traffic view return; shared by the server and the settings / console UI.

export type KeyScope = 'chat' | 'admin';

export const KEY_SCOPES = ['chat', 'admin'] as const satisfies readonly KeyScope[];

/** A key as listed: never its secret, which exists only in the answer that created it. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  scope: KeyScope;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  requests: number;
  tokens: number;
}

export interface CreatedApiKey {
  id: string;
  name: string;
  scope: KeyScope;
  /** The key itself, shown once. */
  key: string;
}

export interface GatewayRunning {
  caller: string;
  path: string;
  stream: boolean;
  startedAt: string;
}

export interface GatewayCaller {
  caller: string;
  requests: number;
  tokens: number;
}

export interface GatewayErrorEntry {
  at: string;
  caller: string;
  path: string;
  status: number;
  message: string;
}

export interface GatewayTraffic {
  running: GatewayRunning[];
  /** Since the app started, per key (or the access token / a browser session). */
  callers: GatewayCaller[];
  /** The latest first. */
  errors: GatewayErrorEntry[];
}
