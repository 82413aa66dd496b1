// Every API path and SWR key the browser uses, in one place.
export const ENDPOINTS = {
  engine: '/api/engine',
  engineStart: '/api/engine/start',
  engineStop: '/api/engine/stop',
  engineLogs: '/api/engine/logs',
  engineLogsDownload: '/api/engine/logs/download',
  engineHealth: '/api/engine/health',
  profiles: '/api/profiles',
} as const;
