export declare const CLIENT_ADDRESS_HEADER: string;
export declare function parseTrustedProxies(spec: string | undefined): (address: string) => boolean;
export declare function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  isTrusted: (address: string) => boolean,
): string;
export declare function dropUntrustedForwarding(
  headers: Record<string, string | string[] | undefined>,
  remote: string | undefined,
  isTrusted: (address: string) => boolean,
): void;
