// How model servers print their HTTP access lines, for telling the app's own probes apart: the first group
// is the request path (query dropped). Data, one row a server family. Pure.
export const ACCESS_LINE_PATTERNS: readonly RegExp[] = [
  // uvicorn (vLLM, SGLang): `INFO:     127.0.0.1:54321 - "GET /health HTTP/1.1" 200 OK`
  /\d - "(?:GET|HEAD|POST) (\/[^\s"?]*)(?:\?[^\s"]*)? HTTP\/[\d.]+" \d{3}/,
  // llama.cpp's server: `srv  log_server_r: request: GET /health 127.0.0.1 200`
  /\brequest: (?:GET|HEAD|POST) (\/[^\s?]*)(?:\?\S*)? \S+ \d{3}\b/,
];
