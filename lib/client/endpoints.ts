// Every API path and SWR key the browser uses, in one place.
export const ENDPOINTS = {
  engine: '/api/engine',
  engineStart: '/api/engine/start',
  engineStop: '/api/engine/stop',
  engineLogs: '/api/engine/logs',
  engineLogsDownload: '/api/engine/logs/download',
  engineHealth: '/api/engine/health',
  engineMetrics: '/api/engine/metrics',
  engineHistory: (profile: string | null) =>
    profile ? `/api/engine/history?profile=${encodeURIComponent(profile)}` : '/api/engine/history',
  engineInstall: '/api/engine/install',
  engineInstallCancel: '/api/engine/install/cancel',
  engineInstallPlan: (version: string) =>
    version ? `/api/engine/install/plan?version=${encodeURIComponent(version)}` : '/api/engine/install/plan',
  system: '/api/system',
  systemRefresh: '/api/system?refresh=1',
  diagnose: '/api/diagnose',
  profiles: '/api/profiles',
  signIn: '/api/auth/sign-in',
  signOut: '/api/auth/sign-out',
  rotateToken: '/api/auth/rotate',
  session: '/api/auth/session',
  chat: '/api/chat',
  images: '/api/images',
  chatStream: (generationId: string) => `/api/chat/${encodeURIComponent(generationId)}/stream`,
  chatStop: (generationId: string) => `/api/chat/${encodeURIComponent(generationId)}/stop`,
} as const;
