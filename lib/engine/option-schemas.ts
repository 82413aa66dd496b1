// Launch options as zod schemas, one per engine kind. The same schemas validate `POST /api/engine/start`
// and describe the launch form (through JSON Schema), so a field cannot be accepted by one and unknown to the other.
// Written with zod/mini: the browser validates the launch form with them as the console opens, and the full
// zod API weighs about 5 KB more (gzip) there. Same checks, same messages, same JSON Schema.
import '@/lib/zod-config';
import * as z from 'zod/mini';
import { linkLocalAllowed, linkLocalProblem } from './external-url';

/** `owner/name` as on the Hugging Face Hub: no `..`, no leading dot, no slashes beyond the one. */
export const HF_MODEL_ID = /^(?!.*\.\.)[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}$/;
/** An absolute path without traversal segments or control characters; existence is checked on the server. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
export const ABSOLUTE_PATH = /^\/(?!.*(^|\/)\.\.(\/|$))[^\0-\x1f]{1,4095}$/;

const modelRef = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(4096),
  z.refine((v) => HF_MODEL_ID.test(v) || ABSOLUTE_PATH.test(v), {
    message: 'must be a Hugging Face model id like owner/name, or an absolute path to a local model folder',
  }),
);

const servedName = z.optional(
  z.string().check(z.regex(/^[\w.:/-]{1,128}$/, 'letters, digits and . _ - : / only')),
);

/** One token of an extra argument list. Flags are checked against the engine's list elsewhere. */
const extraToken = z
  .string()
  .check(
    z.maxLength(512),
    z.regex(/^[\w.,:=@%+{}"[\]/-]*$/, 'may only contain letters, digits and . , : = @ % + { } " [ ] / - _'),
  );

const integer = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
const port = integer(1024, 65535);
const tensorParallel = integer(1, 64);
const extraArgs = z._default(z.array(extraToken).check(z.maxLength(64)), []);
const described = <T extends z.ZodMiniType>(schema: T, description: string): T =>
  schema.check(z.describe(description));

export const vllmOptionsSchema = z.strictObject({
  model: described(modelRef, 'Model'),
  servedModelName: described(servedName, 'Served model name'),
  maxModelLen: described(integer(256, 1_048_576), 'Context length (tokens)'),
  gpuMemoryUtilization: described(z.number().check(z.minimum(0.1), z.maximum(0.99)), 'GPU memory share'),
  tensorParallelSize: described(z._default(tensorParallel, 1), 'Tensor-parallel size (GPUs)'),
  pipelineParallelSize: described(z.optional(tensorParallel), 'Pipeline-parallel size (stages)'),
  dataParallelSize: described(z.optional(tensorParallel), 'Data-parallel size (replicas)'),
  // `ray` is for a machine that is the head of a Ray cluster; the GPUs then need not all be on this one.
  distributedExecutorBackend: described(
    z._default(z.enum(['', 'mp', 'ray']), ''),
    'Executor backend (empty = vLLM decides; ray = this machine heads a Ray cluster)',
  ),
  imagesPerPrompt: described(integer(0, 16), 'Images per prompt'),
  port: described(port, 'Engine port'),
  trustRemoteCode: described(z._default(z.boolean(), false), 'Trust remote code'),
  reasoningParser: described(
    z._default(z.string().check(z.regex(/^[a-z0-9_]{0,40}$/)), ''),
    'Reasoning parser',
  ),
  quantization: described(
    z._default(
      z.enum(['', 'awq', 'awq_marlin', 'gptq', 'gptq_marlin', 'fp8', 'bitsandbytes', 'compressed-tensors']),
      '',
    ),
    'Quantization (empty = read from the checkpoint)',
  ),
  dtype: described(
    z._default(z.enum(['auto', 'half', 'float16', 'bfloat16', 'float32']), 'auto'),
    'Data type',
  ),
  enforceEager: described(z._default(z.boolean(), false), 'Skip CUDA graphs (faster start, slower decode)'),
  maxNumSeqs: described(z.optional(integer(1, 1024)), 'Max concurrent sequences'),
  extraArgs: described(extraArgs, 'Extra flags'),
});

export const sglangOptionsSchema = z.strictObject({
  model: described(modelRef, 'Model'),
  servedModelName: described(servedName, 'Served model name'),
  maxModelLen: described(integer(256, 1_048_576), 'Context length (tokens)'),
  gpuMemoryUtilization: described(
    z.number().check(z.minimum(0.1), z.maximum(0.99)),
    'Static memory fraction',
  ),
  tensorParallelSize: described(z._default(tensorParallel, 1), 'Tensor-parallel size (GPUs)'),
  port: described(port, 'Engine port'),
  trustRemoteCode: described(z._default(z.boolean(), false), 'Trust remote code'),
  reasoningParser: described(
    z._default(z.string().check(z.regex(/^[a-z0-9_-]{0,40}$/)), ''),
    'Reasoning parser',
  ),
  extraArgs: described(extraArgs, 'Extra flags'),
});

export const llamaCppOptionsSchema = z
  .strictObject({
    modelFile: described(
      z.optional(z.string().check(z.regex(ABSOLUTE_PATH, 'must be an absolute path to a .gguf file'))),
      'Local GGUF file',
    ),
    hfRepo: described(
      z.optional(
        z
          .string()
          .check(
            z.regex(
              /^[A-Za-z0-9][\w.-]{0,95}\/[A-Za-z0-9][\w.-]{0,95}(:[\w.-]{1,64})?$/,
              'owner/name[:quant]',
            ),
          ),
      ),
      'Hugging Face GGUF repo (owner/name[:quant])',
    ),
    mmproj: described(
      z.optional(
        z.string().check(z.regex(ABSOLUTE_PATH, 'must be an absolute path to an mmproj .gguf file')),
      ),
      'Vision projector (mmproj) file',
    ),
    maxModelLen: described(integer(256, 1_048_576), 'Context length (tokens)'),
    gpuLayers: described(z._default(integer(0, 999), 999), 'Layers on GPU'),
    port: described(port, 'Engine port'),
    extraArgs: described(extraArgs, 'Extra flags'),
  })
  .check(
    z.refine((o) => Boolean(o.modelFile) !== Boolean(o.hfRepo), {
      message: 'give exactly one of modelFile or hfRepo',
      path: ['modelFile'],
    }),
  );

export const externalOptionsSchema = z.strictObject({
  baseUrl: described(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(
      z.maxLength(2048),
      z.superRefine((url, ctx) => {
        const problem = linkLocalAllowed() ? null : linkLocalProblem(url);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    ),
    'Server URL (without /v1)',
  ),
  apiKey: described(z.optional(z.string().check(z.maxLength(512))), 'API key of that server'),
  model: described(z.optional(z.string().check(z.maxLength(256))), 'Model id (empty = first of /v1/models)'),
});

export type VllmOptions = z.infer<typeof vllmOptionsSchema>;
export type SglangOptions = z.infer<typeof sglangOptionsSchema>;
export type LlamaCppOptions = z.infer<typeof llamaCppOptionsSchema>;
export type ExternalOptions = z.infer<typeof externalOptionsSchema>;
