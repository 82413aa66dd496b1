// Launch options as zod schemas, one per engine kind. The same schemas validate `POST /api/engine/start`
// and describe the launch form (through JSON Schema), so a field cannot be accepted by one and unknown to the other.
import { z } from 'zod';
import { linkLocalAllowed, linkLocalProblem } from './external-url';

/** `owner/name` as on the Hugging Face Hub: no `..`, no leading dot, no slashes beyond the one. */
export const HF_MODEL_ID = /^(?!.*\.\.)[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
/** An absolute path without traversal segments or control characters; existence is checked on the server. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const ABSOLUTE_PATH = /^\/(?!.*(^|\/)\.\.(\/|$))[^\0-\x1f]{1,4095}$/;

const modelRef = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((v) => HF_MODEL_ID.test(v) || ABSOLUTE_PATH.test(v), {
    message: 'must be a Hugging Face model id like owner/name, or an absolute path to a local model folder',
  });

const servedName = z
  .string()
  .regex(/^[\w.:/-]{1,128}$/, 'letters, digits and . _ - : / only')
  .optional();

/** One token of an extra argument list. Flags are checked against the engine's list elsewhere. */
const extraToken = z
  .string()
  .max(512)
  .regex(/^[\w.,:=@%+{}"[\]/-]*$/, 'may only contain letters, digits and . , : = @ % + { } " [ ] / - _');

const port = z.number().int().min(1024).max(65535);
const tensorParallel = z.number().int().min(1).max(64);
const extraArgs = z.array(extraToken).max(64).default([]);

export const vllmOptionsSchema = z
  .object({
    model: modelRef.describe('Model'),
    servedModelName: servedName.describe('Served model name'),
    maxModelLen: z.number().int().min(256).max(1_048_576).describe('Context length (tokens)'),
    gpuMemoryUtilization: z.number().min(0.1).max(0.99).describe('GPU memory share'),
    tensorParallelSize: tensorParallel.default(1).describe('Tensor-parallel size (GPUs)'),
    pipelineParallelSize: tensorParallel.optional().describe('Pipeline-parallel size (stages)'),
    dataParallelSize: tensorParallel.optional().describe('Data-parallel size (replicas)'),
    // `ray` is for a machine that is the head of a Ray cluster; the GPUs then need not all be on this one.
    distributedExecutorBackend: z
      .enum(['', 'mp', 'ray'])
      .default('')
      .describe('Executor backend (empty = vLLM decides; ray = this machine heads a Ray cluster)'),
    imagesPerPrompt: z.number().int().min(0).max(16).describe('Images per prompt'),
    port: port.describe('Engine port'),
    trustRemoteCode: z.boolean().default(false).describe('Trust remote code'),
    reasoningParser: z
      .string()
      .regex(/^[a-z0-9_]{0,40}$/)
      .default('')
      .describe('Reasoning parser'),
    quantization: z
      .enum(['', 'awq', 'awq_marlin', 'gptq', 'gptq_marlin', 'fp8', 'bitsandbytes', 'compressed-tensors'])
      .default('')
      .describe('Quantization (empty = read from the checkpoint)'),
    dtype: z.enum(['auto', 'half', 'float16', 'bfloat16', 'float32']).default('auto').describe('Data type'),
    enforceEager: z.boolean().default(false).describe('Skip CUDA graphs (faster start, slower decode)'),
    maxNumSeqs: z.number().int().min(1).max(1024).optional().describe('Max concurrent sequences'),
    extraArgs: extraArgs.describe('Extra flags'),
  })
  .strict();

export const sglangOptionsSchema = z
  .object({
    model: modelRef.describe('Model'),
    servedModelName: servedName.describe('Served model name'),
    maxModelLen: z.number().int().min(256).max(1_048_576).describe('Context length (tokens)'),
    gpuMemoryUtilization: z.number().min(0.1).max(0.99).describe('Static memory fraction'),
    tensorParallelSize: tensorParallel.default(1).describe('Tensor-parallel size (GPUs)'),
    port: port.describe('Engine port'),
    trustRemoteCode: z.boolean().default(false).describe('Trust remote code'),
    reasoningParser: z
      .string()
      .regex(/^[a-z0-9_-]{0,40}$/)
      .default('')
      .describe('Reasoning parser'),
    extraArgs: extraArgs.describe('Extra flags'),
  })
  .strict();

export const llamaCppOptionsSchema = z
  .object({
    modelFile: z
      .string()
      .regex(ABSOLUTE_PATH, 'must be an absolute path to a .gguf file')
      .optional()
      .describe('Local GGUF file'),
    hfRepo: z
      .string()
      .regex(/^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}(:[\w.-]{1,64})?$/, 'owner/name[:quant]')
      .optional()
      .describe('Hugging Face GGUF repo (owner/name[:quant])'),
    mmproj: z
      .string()
      .regex(ABSOLUTE_PATH, 'must be an absolute path to an mmproj .gguf file')
      .optional()
      .describe('Vision projector (mmproj) file'),
    maxModelLen: z.number().int().min(256).max(1_048_576).describe('Context length (tokens)'),
    gpuLayers: z.number().int().min(0).max(999).default(999).describe('Layers on GPU'),
    port: port.describe('Engine port'),
    extraArgs: extraArgs.describe('Extra flags'),
  })
  .strict()
  .refine((o) => Boolean(o.modelFile) !== Boolean(o.hfRepo), {
    message: 'give exactly one of modelFile or hfRepo',
    path: ['modelFile'],
  });

export const externalOptionsSchema = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(2048)
      .superRefine((url, ctx) => {
        const problem = linkLocalAllowed() ? null : linkLocalProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('Server URL (without /v1)'),
    apiKey: z.string().max(512).optional().describe('API key of that server'),
    model: z.string().max(256).optional().describe('Model id (empty = first of /v1/models)'),
  })
  .strict();

export type VllmOptions = z.infer<typeof vllmOptionsSchema>;
export type SglangOptions = z.infer<typeof sglangOptionsSchema>;
export type LlamaCppOptions = z.infer<typeof llamaCppOptionsSchema>;
export type ExternalOptions = z.infer<typeof externalOptionsSchema>;
