// Every API path and SWR key the browser uses, in one place.
export const ENDPOINTS = {
  engine: '/api/engine',
  engineStart: '/api/engine/start',
  engineStop: '/api/engine/stop',
  engineLogs: '/api/engine/logs',
  engineLogsDownload: '/api/engine/logs/download',
  engineHealth: '/api/engine/health',
  profiles: '/api/profiles',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  rotateToken: '/api/auth/rotate',
  session: '/api/auth/session',
  chat: '/api/chat',
  chatStream: (generationId: string) => `/api/chat/${encodeURIComponent(generationId)}/stream`,
  chatStop: (generationId: string) => `/api/chat/${encodeURIComponent(generationId)}/stop`,
} as const;
