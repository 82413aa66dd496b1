// Failure kinds raised in the API server process: argument/config validation, the Hub, the socket, and the
// wait for the engine core. Wording follows vLLM / transformers / huggingface_hub; paths and numbers are invented.

import {
  API_CONFIG_FRAMES,
  API_SOCKET_FRAMES,
  API_WAIT_FRAMES,
  apiFailure,
  SITE,
  VLLM,
} from './failure-helpers.mjs';
import { chained, raw, record, traceback } from './log.mjs';

/** @typedef {import('./context.mjs').Context} Context */
/** @typedef {import('./log.mjs').Out} Out */
/** @typedef {{ after: string, build: (ctx: Context) => Out[], tweak?: (ctx: Context) => void }} FailureKind */

const HF = `${SITE}/huggingface_hub`;
const TF = `${SITE}/transformers`;

/** @type {import('./log.mjs').Frame[]} */
const MODEL_CONFIG_FRAMES = [
  ...API_CONFIG_FRAMES,
  [`${VLLM}/engine/arg_utils.py`, 1004, 'create_model_config', 'return ModelConfig('],
  [
    `${SITE}/pydantic/_internal/_dataclasses.py`,
    123,
    '__init__',
    's.__pydantic_validator__.validate_python(ArgsKwargs(args, kwargs), self_instance=s)',
  ],
];

/** A pydantic wrapper around a config validation error, as vLLM ≥ 0.10 prints it. */
function pydanticFailure(/** @type {Context} */ ctx, /** @type {string} */ message) {
  const input = `input_value=ArgsKwargs((), {'model': '${ctx.opts.model}', ...}), input_type=ArgsKwargs`;
  return apiFailure(
    ctx,
    traceback(
      MODEL_CONFIG_FRAMES,
      [
        'pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig',
        `  Value error, ${message} [type=value_error, ${input}]`,
        '    For further information visit https://errors.pydantic.dev/2.11/v/value_error',
      ].join('\n'),
    ),
  );
}

/** @type {import('./log.mjs').Frame[]} */
const GET_CONFIG_FRAMES = [
  ...API_CONFIG_FRAMES,
  [`${VLLM}/engine/arg_utils.py`, 1004, 'create_model_config', 'return ModelConfig('],
  [
    `${VLLM}/config/model.py`,
    511,
    '__post_init__',
    'hf_config = get_config(self.hf_config_path or self.model,',
  ],
  [`${VLLM}/transformers_utils/config.py`, 477, 'get_config', 'config = AutoConfig.from_pretrained('],
];

/** @type {Record<string, FailureKind>} */
export const API_KINDS = {
  port_in_use: {
    after: 'args',
    build: (ctx) =>
      apiFailure(ctx, traceback(API_SOCKET_FRAMES, 'OSError: [Errno 98] Address already in use')),
  },
  gated_or_missing_model: {
    after: 'args',
    build: (ctx) => {
      const model = ctx.opts.model;
      const url = `https://huggingface.co/${model}/resolve/main/config.json`;
      const http = traceback(
        [
          [`${HF}/utils/_http.py`, 409, 'hf_raise_for_status', 'response.raise_for_status()'],
          [
            `${SITE}/requests/models.py`,
            1026,
            'raise_for_status',
            'raise HTTPError(http_error_msg, response=self)',
          ],
        ],
        `requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: ${url}`,
      );
      const gated = traceback(
        [
          [
            `${VLLM}/transformers_utils/config.py`,
            126,
            'file_or_path_exists',
            'cached_filepath = try_to_load_from_cache(',
          ],
          [`${HF}/file_download.py`, 1010, 'hf_hub_download', 'return _hf_hub_download_to_cache_dir('],
          [
            `${HF}/file_download.py`,
            1117,
            '_hf_hub_download_to_cache_dir',
            '_raise_on_head_call_error(head_call_error, force_download, local_files_only)',
          ],
          [
            `${HF}/utils/_http.py`,
            426,
            'hf_raise_for_status',
            'raise _format(GatedRepoError, message, response) from e',
          ],
        ],
        [
          'huggingface_hub.errors.GatedRepoError: 401 Client Error. (Request ID: Root=1-6747c1f2-3b0d5e1a7c9f2e4d1a6b8c0e;9d2f4a61-7e3b-4c58-a1d0-5f6e7b8c9d0a)',
          '',
          `Cannot access gated repo for url ${url}.`,
          `Access to model ${model} is restricted. You must have access to it and be authenticated to access it. Please log in.`,
        ].join('\n'),
      );
      const invalid = traceback(
        [
          ...GET_CONFIG_FRAMES.slice(0, -1),
          [`${VLLM}/transformers_utils/config.py`, 455, 'get_config', 'raise ValueError('],
        ],
        [
          `ValueError: Invalid repository ID or local directory specified: '${model}'.`,
          'Please verify the following requirements:',
          '1. Provide a valid Hugging Face repository ID.',
          '2. Specify a local directory that contains a recognized configuration file.',
          "   - For Hugging Face models: ensure the presence of a 'config.json'.",
        ].join('\n'),
      );
      return apiFailure(ctx, chained([http, gated, invalid]));
    },
  },
  trust_remote_code: {
    after: 'args',
    build: (ctx) => {
      const model = ctx.opts.model;
      const frames = /** @type {import('./log.mjs').Frame[]} */ ([
        ...GET_CONFIG_FRAMES,
        [
          `${TF}/models/auto/configuration_auto.py`,
          1289,
          'from_pretrained',
          'trust_remote_code = resolve_trust_remote_code(',
        ],
        [`${TF}/dynamic_module_utils.py`, 734, 'resolve_trust_remote_code', 'raise ValueError('],
      ]);
      const message = [
        `ValueError: The repository ${model} contains custom code which must be executed to correctly load the model. You can inspect the repository content at https://hf.co/${model} .`,
        'Please pass the argument `trust_remote_code=True` to allow custom code to be run.',
      ].join('\n');
      return apiFailure(ctx, traceback(frames, message));
    },
  },
  transformers_version: {
    after: 'args',
    build: (ctx) => {
      const frames = /** @type {import('./log.mjs').Frame[]} */ ([
        ...GET_CONFIG_FRAMES,
        [`${TF}/models/auto/configuration_auto.py`, 1305, 'from_pretrained', 'raise ValueError('],
      ]);
      const message = [
        'ValueError: The checkpoint you are trying to load has model type `demo_vl` but Transformers does not recognize this architecture. This could be because of an issue with the checkpoint, or because your version of Transformers is out of date.',
        '',
        'You can update Transformers with the command `pip install --upgrade transformers`.',
      ].join('\n');
      return apiFailure(ctx, traceback(frames, message));
    },
  },
  unsupported_architecture: {
    after: 'args',
    build: (ctx) =>
      pydanticFailure(
        ctx,
        "Model architectures ['DemoVLForConditionalGeneration'] are not supported for now. Supported architectures: dict_keys(['AquilaForCausalLM', 'LlamaForCausalLM', 'Qwen2VLForConditionalGeneration', 'Qwen2_5_VLForConditionalGeneration', 'Ernie4_5_VLMoeForConditionalGeneration', 'InternVLChatModel'])",
      ),
  },
  max_model_len_exceeds_model: {
    after: 'arch',
    build: (ctx) => {
      const wanted = ctx.opts.maxModelLen;
      // The model's own limit: the largest power of two below what was asked for.
      const derived = Math.max(1, 2 ** Math.floor(Math.log2(Math.max(1, wanted - 1))));
      return pydanticFailure(
        ctx,
        `User-specified max_model_len (${wanted}) is greater than the derived max_model_len (max_position_embeddings=${derived} or model_max_length=None in model's config.json). To allow overriding this maximum, set the env var VLLM_ALLOW_LONG_MAX_MODEL_LEN=1. VLLM_ALLOW_LONG_MAX_MODEL_LEN must be used with extreme caution. If the model uses relative position encoding (RoPE), positions exceeding derived_max_model_len lead to nan. If the model uses absolute position encoding, positions exceeding derived_max_model_len will cause a CUDA array out-of-bounds error.`,
      );
    },
  },
  no_gpu_or_driver: {
    after: 'version',
    build: (ctx) => [
      raw('stderr', ctx.api, [
        `${SITE}/torch/cuda/__init__.py:182: UserWarning: CUDA initialization: Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx (Triggered internally at /pytorch/c10/cuda/CUDAFunctions.cpp:109.)`,
        '  return torch._C._cuda_getDeviceCount() > 0',
      ]),
      record(
        ctx.api,
        'WARNING',
        '__init__.py:254',
        'No platform detected, vLLM is running on UnspecifiedPlatform',
      ),
      ...apiFailure(
        ctx,
        traceback(
          [
            ...API_CONFIG_FRAMES.slice(0, -1),
            [
              `${VLLM}/engine/arg_utils.py`,
              1130,
              'create_engine_config',
              'device_config = DeviceConfig(device=cast(Device, current_platform.device_type))',
            ],
            [`${VLLM}/config/device.py`, 58, '__post_init__', 'raise RuntimeError('],
          ],
          'RuntimeError: Failed to infer device type, please set the environment variable `VLLM_LOGGING_LEVEL=DEBUG` to turn on verbose logging to help debug the issue.',
        ),
      ),
    ],
  },
  engine_ready_timeout: {
    after: 'shards:1',
    build: (ctx) => {
      const waiting = record(
        ctx.api,
        'INFO',
        'utils.py:784',
        'Waiting for 1 local, 0 remote core engine proc(s) to start.',
      );
      const frames = /** @type {import('./log.mjs').Frame[]} */ ([
        ...API_WAIT_FRAMES,
        [`${VLLM}/v1/engine/utils.py`, 801, 'wait_for_engine_startup', 'raise TimeoutError('],
      ]);
      const message =
        'TimeoutError: Timed out waiting for engine core processes to start. This is often caused by slow weight loading for large models. Waited 600s (configured by VLLM_ENGINE_READY_TIMEOUT_S). To increase the timeout, set the environment variable: VLLM_ENGINE_READY_TIMEOUT_S=<seconds>';
      return [waiting, waiting, waiting, ...apiFailure(ctx, traceback(frames, message))];
    },
  },
};
