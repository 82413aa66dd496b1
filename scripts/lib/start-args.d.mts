export type TunnelMode = 'none' | 'colab' | 'cloudflare' | 'ngrok';
export declare const TUNNEL_MODES: readonly TunnelMode[];
export declare const USAGE: string;
export declare class UsageError extends Error {}
export interface StartArgs {
  tunnel: TunnelMode;
  installCloudflared: boolean;
}
export declare function parseStartArgs(argv: string[], env: Record<string, string | undefined>): StartArgs;
