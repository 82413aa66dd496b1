// Hand-written excerpts for model-side, engine and request-time failures, in the wording of vLLM,
// huggingface_hub and transformers versions other than those in the shared fixture file.
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose';
import type { DiagnoseOptions, DiagnosisCategory, LaunchOptionPatch } from './types';

interface Case {
  name: string;
  category: DiagnosisCategory;
  log: string[];
  /** A piece of the line the diagnosis must quote. */
  quote: string;
  patch?: LaunchOptionPatch;
  options?: DiagnoseOptions;
}

const CASES: Case[] = [
  {
    name: "vLLM's own wording for a config that needs remote code",
    category: 'trust_remote_code',
    log: [
      'RuntimeError: Failed to load the model config. If the model is a custom model not yet available in the HuggingFace transformers library, consider setting `trust_remote_code=True` in LLM or using the `--trust-remote-code` flag in the CLI.',
    ],
    quote: 'consider setting `trust_remote_code=True`',
    patch: { trustRemoteCode: true },
  },
  {
    name: 'remote code not trusted',
    category: 'trust_remote_code',
    log: [
      'ValueError: The repository for OpenGVLab/InternVL2-8B contains custom code which must be executed to correctly load the model. You can inspect the repository content at https://hf.co/OpenGVLab/InternVL2-8B.',
      'Please pass the argument `trust_remote_code=True` to allow custom code to be run.',
    ],
    quote: 'contains custom code',
    patch: { trustRemoteCode: true },
  },
  {
    name: 'architecture unknown to this vLLM',
    category: 'unsupported_architecture',
    log: [
      "ValueError: Model architectures ['Ernie4_5_VLMoeForConditionalGeneration'] are not supported for now. Supported architectures: dict_keys(['AquilaModel', 'AquilaForCausalLM'])",
    ],
    quote: 'are not supported for now',
  },
  {
    name: 'class missing from the installed transformers',
    category: 'transformers_version',
    log: [
      "ImportError: cannot import name 'Qwen2_5_VLForConditionalGeneration' from 'transformers' (/usr/local/lib/python3.10/dist-packages/transformers/__init__.py)",
    ],
    quote: 'cannot import name',
  },
  {
    name: 'config class lacks a field the model code reads',
    category: 'transformers_version',
    log: [
      "(EngineCore_DP0 pid=27368) ERROR 11-21 09:27:00 [core.py:842] AttributeError: 'LlavaConfig' object has no attribute 'vision_config'",
    ],
    quote: "'LlavaConfig' object has no attribute",
  },
  {
    name: "AttributeError inside a repository's processor code",
    category: 'transformers_version',
    log: [
      'Traceback (most recent call last):',
      '  File "/root/.cache/huggingface/modules/transformers_modules/baidu/ERNIE-4.5-VL/processing_ernie_45t_vl.py", line 112, in __init__',
      '    super().__init__(image_processor, tokenizer)',
      "AttributeError: 'Ernie4_5_VLTokenizer' object has no attribute 'special_tokens_map_extended'",
    ],
    quote: 'has no attribute',
  },
  {
    name: 'context longer than the model, V0 wording',
    category: 'max_model_len_exceeds_model',
    log: [
      "ValueError: User-specified max_model_len (32768) is greater than the derived max_model_len (max_position_embeddings=4096 or model_max_length=None in model's config.json). This may lead to incorrect model outputs or CUDA errors. Make sure the value is correct and within the model context size.",
    ],
    quote: 'User-specified max_model_len (32768)',
    patch: { maxModelLen: 4096 },
  },
  {
    name: 'gated repository',
    category: 'gated_or_missing_model',
    log: [
      'huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-6650f0c4-1b2c)',
      '',
      'Cannot access gated repo for url https://huggingface.co/meta-llama/Llama-3.2-11B-Vision-Instruct/resolve/main/config.json.',
    ],
    quote: 'GatedRepoError',
  },
  {
    name: 'misspelled repository',
    category: 'gated_or_missing_model',
    log: [
      'huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error. (Request ID: Root=1-66a1)',
      'Repository Not Found for url: https://huggingface.co/api/models/Qwen/Qwen2-VL-7B-Instrukt/revision/main.',
    ],
    quote: 'RepositoryNotFoundError',
  },
  {
    name: 'path that is neither a folder nor a repo id',
    category: 'gated_or_missing_model',
    log: [
      "OSError: Incorrect path_or_model_id: '/content/models/ernie-vl'. Please provide either the path to a local folder or the repo_id of a model on the Hub.",
    ],
    quote: 'Incorrect path_or_model_id',
  },
  {
    name: 'local folder without a config',
    category: 'gated_or_missing_model',
    log: [
      'OSError: /models/qwen2-vl does not appear to have a file named config.json. Checkout https://huggingface.co/',
    ],
    quote: 'does not appear to have a file named config.json',
  },
  {
    name: 'truncated safetensors header',
    category: 'corrupt_weights',
    log: ['safetensors_rust.SafetensorError: Error while deserializing header: HeaderTooLarge'],
    quote: 'HeaderTooLarge',
  },
  {
    name: 'Git LFS pointer instead of weights',
    category: 'corrupt_weights',
    log: ["_pickle.UnpicklingError: invalid load key, 'v'."],
    quote: 'invalid load key',
  },
  {
    name: 'engine died while serving',
    category: 'engine_core_died',
    log: [
      '(APIServer pid=9) ERROR 06-01 12:00:00 [async_llm.py:480] vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue. See stack trace (above) for the root cause.',
    ],
    quote: 'EngineDeadError',
  },
  {
    name: 'engine start timeout, 2026 wording',
    category: 'engine_ready_timeout',
    log: [
      '(APIServer pid=57) TimeoutError: Timed out waiting for engine core processes to start. Waited 600s (configured by VLLM_ENGINE_READY_TIMEOUT_S).',
    ],
    quote: 'Timed out waiting for engine core processes to start',
  },
  {
    name: 'engine start timeout, 2025 wording',
    category: 'engine_ready_timeout',
    log: ['TimeoutError: Timed out waiting for engines to send initial message on input socket.'],
    quote: 'send initial message',
  },
  {
    name: 'chat template missing, transformers wording',
    category: 'chat_template',
    log: [
      'ValueError: Cannot use chat template functions because tokenizer.chat_template is not set and no template argument was passed!',
    ],
    quote: 'chat_template is not set',
    options: { phase: 'request' },
  },
  {
    name: 'too many images in a 400 response body',
    category: 'mm_limit',
    log: [
      '{"error":{"message":"At most 2 image(s) may be provided in one prompt.","type":"BadRequestError","param":null,"code":400}}',
    ],
    quote: 'At most 2 image(s)',
    patch: { imagesPerPrompt: 4 },
    options: { phase: 'request' },
  },
];

describe('hand-written excerpts: model, engine and requests', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = diagnose(c.log.join('\n'), c.options);
    expect(result?.category).toBe(c.category);
    expect(result?.line.text).toContain(c.quote);
    expect(c.log[result?.line.index ?? -1]).toContain(c.quote);
    if (c.patch) expect(result?.patch?.options).toEqual(c.patch);
  });

  it('has an excerpt for each of its categories', () => {
    expect(new Set(CASES.map((c) => c.category))).toEqual(
      new Set([
        'chat_template',
        'corrupt_weights',
        'engine_core_died',
        'engine_ready_timeout',
        'gated_or_missing_model',
        'max_model_len_exceeds_model',
        'mm_limit',
        'transformers_version',
        'trust_remote_code',
        'unsupported_architecture',
      ]),
    );
  });
});
