import 'server-only';
// Configuration from environment variables, validated once (fail fast with a readable message).
// Every variable is listed with a comment in .env.example.
import path from 'node:path';
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().positive().max(86_400).default(fallback);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  VLM_CONSOLE_DATA_DIR: z.string().default('./.data'),
  VLM_CONSOLE_PYTHON: z.string().optional(),
  VLM_CONSOLE_LLAMA_SERVER: z.string().optional(),
  VLM_CONSOLE_DEFAULT_PROFILE: z.string().optional(),
  HF_TOKEN: z.string().optional(),
  VLM_CONSOLE_STARTUP_TIMEOUT_S: seconds(1800),
  VLM_CONSOLE_STALL_WARNING_S: seconds(300),
  VLM_CONSOLE_STOP_GRACE_S: seconds(20),
  VLM_CONSOLE_HEALTH_INTERVAL_S: seconds(10),
  VLM_CONSOLE_LOG_MAX_LINES: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  VLM_CONSOLE_LOG_MAX_BYTES: z.coerce.number().int().min(10_000).max(512_000_000).default(8_000_000),
  VLM_CONSOLE_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  VLM_CONSOLE_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  VLM_CONSOLE_SIGNIN_WINDOW_S: seconds(300),
  VLM_CONSOLE_TRUSTED_PROXIES: z.string().default(''),
  /** Seconds a small request body (sign-in, pages, settings) may take to arrive (read by scripts/start.mjs). */
  VLM_CONSOLE_BODY_DEADLINE_S: seconds(5),
  /** Bytes of large request bodies (over 1 MB each) the app reads at once; more waits for a 429. */
  VLM_CONSOLE_BODY_BUFFER_MAX_BYTES: z.coerce.number().int().min(1_000_000).default(160_000_000),
  /** Allow Colab's output frame to embed the app (its port proxy shows it in an iframe). */
  VLM_CONSOLE_ALLOW_COLAB_FRAME: z.enum(['0', '1']).default('0'),
  /** Let an `external` server URL point at a link-local or cloud-metadata address (lib/engine/external-url.ts). */
  VLM_CONSOLE_EXTERNAL_ALLOW_LINK_LOCAL: z.enum(['0', '1']).default('0'),
  VLM_CONSOLE_IMAGE_MAX_BYTES: z.coerce.number().int().min(100_000).max(100_000_000).default(10_000_000),
  VLM_CONSOLE_REQUEST_IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(100_000)
    .max(400_000_000)
    .default(40_000_000),
  /** Per video clip (413 beyond); clips also count toward the per-request cap. */
  VLM_CONSOLE_VIDEO_MAX_BYTES: z.coerce.number().int().min(10_000).max(400_000_000).default(30_000_000),
  VLM_CONSOLE_IMAGE_STORE_MAX_BYTES: z.coerce.number().int().min(1_000_000).default(1_000_000_000),
  /** A reply nobody is attached to is aborted after this long. */
  VLM_CONSOLE_CHAT_ABANDON_S: seconds(60),
  /** Per API key: requests accepted per window, and streams open at once (429 beyond). */
  VLM_CONSOLE_KEY_MAX_REQUESTS: z.coerce.number().int().min(1).max(1_000_000).default(120),
  VLM_CONSOLE_KEY_WINDOW_S: seconds(60),
  VLM_CONSOLE_KEY_MAX_STREAMS: z.coerce.number().int().min(1).max(1000).default(8),
  /** `auto` runs the Hub's downloader before vLLM for weights not yet cached; `off` leaves it to the engine. */
  VLM_CONSOLE_HF_DOWNLOAD: z.enum(['auto', 'off']).default('auto'),
});

export type AppEnv = z.infer<typeof envSchema> & { dataDir: string };

let cached: AppEnv | undefined;

export function getEnv(): AppEnv {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration in environment variables:\n${lines}`);
  }
  cached = { ...parsed.data, dataDir: path.resolve(parsed.data.VLM_CONSOLE_DATA_DIR) };
  return cached;
}
