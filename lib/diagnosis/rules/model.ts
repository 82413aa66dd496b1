// Model-side failures: the checkpoint cannot be fetched or read, needs remote code, is unknown to vLLM or to
// transformers, or asks for a longer context than it supports.
import { derivedContextPatch, trustRemoteCodePatch } from '../patches';
import type { DiagnosisRule } from '../types';

/** Failures vLLM and SGLang share (both are Python servers on PyTorch, transformers and the Hub). */
const PY_ENGINES = ['vllm', 'sglang'] as const;

// Frames that show an error was raised by transformers itself or by a repository's own Python code.
const TRANSFORMERS_FRAMES =
  /transformers_modules|[\\/]transformers[\\/]|(?:processing|configuration|tokenization|image_processing|modeling)_\w+\.py/;

const TRANSFORMERS_TOO_OLD = {
  engines: PY_ENGINES,
  category: 'transformers_version',
  phase: 'launch',
  severity: 'error',
  title: 'The installed transformers version does not fit this model',
  explanation:
    "{engine} or the model's own code needs a class or feature that the installed transformers library does not " +
    'have: it is older (sometimes newer) than the model or {engine} expects.',
  fix:
    'Install the transformers version your {engine} release pins (reinstalling {engine} pulls it in), or the version ' +
    'the model card asks for, then relaunch.',
} as const;

export const MODEL_RULES: readonly DiagnosisRule[] = [
  {
    id: 'trust-remote-code',
    engines: PY_ENGINES,
    category: 'trust_remote_code',
    phase: 'launch',
    priority: 95,
    severity: 'error',
    patterns: [
      /requires you to execute the\s/i,
      /contains custom code which must be executed/i,
      /(?:set the option|pass(?:ing)? the argument|consider setting)\s+`?trust_remote_code=True/i,
    ],
    title: 'The model needs permission to run its own code',
    explanation:
      'This model repository ships its own Python code (model, config or processor classes). Transformers ' +
      'refuses to run it unless remote code is explicitly trusted.',
    fix:
      'Relaunch with --trust-remote-code, only for repositories you trust. If it is already set, check that the ' +
      'flag actually reaches {engine}.',
    patch: trustRemoteCodePatch,
  },
  {
    id: 'unsupported-architecture',
    category: 'unsupported_architecture',
    phase: 'launch',
    priority: 85,
    severity: 'error',
    patterns: [
      /architectures? \[[^\]]*\] (?:are|is) not supported/i,
      /not supported for now\. Supported architectures/i,
      /No model architectures are specified/i,
      /is only supported for multimodal models/i,
      /Unrecognized model in .{0,400}model_type/i,
      /has no vLLM implementation and the Transformers implementation is not compatible with vLLM/i,
      /is not a registered model in the Transformers library/i,
    ],
    title: 'This vLLM does not support the model',
    explanation:
      'vLLM did not recognise the model\'s architecture (the "architectures" entry of its config.json): the ' +
      'installed vLLM is older than the model, the folder is not a complete model, or the architecture is not ' +
      'implemented in vLLM. A model vLLM does not know can also show up as a multimodal option being refused.',
    fix:
      'Upgrade vLLM to a release that lists this architecture among its supported models, and check that ' +
      '--model points at a complete model folder whose config.json has an "architectures" entry.',
  },
  {
    id: 'architecture-inspection-failed',
    category: 'unsupported_architecture',
    phase: 'launch',
    // vLLM's summary of an earlier crash: any recognised error above it is the better answer.
    priority: 30,
    severity: 'error',
    patterns: [/failed to be inspected/i],
    title: 'vLLM could not load the code for this model architecture',
    explanation:
      "vLLM's check of the model class crashed in a helper process. The architecture itself is usually " +
      'supported; the real error (often a broken torch, transformers or flash-attn install, or CUDA failing to ' +
      'start) is printed earlier in the log.',
    fix:
      'Look for the first error above this line and fix that; reinstalling vLLM in a clean environment with the ' +
      'torch and transformers versions it pins usually helps.',
  },
  {
    ...TRANSFORMERS_TOO_OLD,
    id: 'transformers-unknown-model-type',
    priority: 85,
    patterns: [/does not recognize this architecture/i],
    title: 'The installed transformers does not know this model type',
    explanation:
      "The checkpoint's config.json declares a model_type that the installed transformers library does not " +
      'know: transformers is older than the model, or the config names a model_type no release registers.',
    fix:
      'Upgrade transformers to the version the model card asks for (and a vLLM that supports the model). If no ' +
      "release knows the model_type, fix the checkpoint's config.json or use the publisher's supported layout.",
  },
  {
    ...TRANSFORMERS_TOO_OLD,
    id: 'transformers-missing-name',
    priority: 80,
    patterns: [
      /cannot import name '?\w+'? from '?transformers/i,
      /requires?\s+`?transformers\s*(?:>=|>|version\s*>=)\s*\d/i,
      /`?transformers\s*>=\s*\d[\d.]*`?\s+is required/i,
      /No module named '?transformers\.[\w.]+/i,
      /Tokenizer class \w+ does not exist or is not currently imported/i,
      /module '?transformers[\w.]*'? has no attribute/i,
    ],
  },
  {
    ...TRANSFORMERS_TOO_OLD,
    id: 'transformers-unknown-config-key',
    // A bare KeyError is only telling when it comes out of transformers' config registry.
    priority: 70,
    patterns: [/\bKeyError: '[a-z][a-z0-9_]*'/],
    context: { pattern: /configuration_auto|CONFIG_MAPPING|AutoConfig/, within: 8 },
  },
  {
    ...TRANSFORMERS_TOO_OLD,
    id: 'transformers-missing-attribute',
    priority: 60,
    patterns: [/AttributeError: .{0,200}has no attribute/],
    context: { pattern: TRANSFORMERS_FRAMES, within: 6 },
  },
  {
    // Config, processor and tokenizer classes come from transformers, so a missing field points at its version.
    ...TRANSFORMERS_TOO_OLD,
    id: 'transformers-class-missing-attribute',
    priority: 55,
    patterns: [/AttributeError: '\w*(?:Config|Processor|Tokenizer|TokenizerFast)' object has no attribute/],
  },
  {
    id: 'max-model-len-too-long',
    category: 'max_model_len_exceeds_model',
    phase: 'launch',
    priority: 100,
    severity: 'error',
    patterns: [/max_model_len \(\d+\) is greater than (?:the )?derived max_model_len/i],
    title: 'The requested context is longer than the model supports',
    explanation:
      "--max-model-len is larger than the longest context the model's config.json declares (e.g. " +
      'max_position_embeddings). vLLM refuses, because positions past that limit give wrong output or crash.',
    fix:
      "Lower --max-model-len to the model's limit, or leave it unset. Only set VLLM_ALLOW_LONG_MAX_MODEL_LEN=1 " +
      'if the model really supports a longer context (for example through RoPE scaling).',
    patch: derivedContextPatch,
  },
  {
    id: 'gated-model',
    engines: PY_ENGINES,
    category: 'gated_or_missing_model',
    phase: 'launch',
    priority: 90,
    severity: 'error',
    patterns: [
      /GatedRepoError/,
      /Cannot access gated repo/i,
      /You are trying to access a gated repo/i,
      /Access to model \S+ is restricted/i,
      /is gated\. You must be authenticated/i,
      /40[13] Client Error/i,
      /Invalid username or password/i,
    ],
    title: 'The model is gated or private, and no valid Hugging Face token was given',
    explanation:
      'Hugging Face refused the download: the repository is gated (you must accept its licence) or private, ' +
      'and {engine} had no token, or a token without access.',
    fix:
      "Accept the model's terms on its Hugging Face page, create an access token, and pass it to {engine} as the " +
      'HF_TOKEN environment variable; or point the model option at a local copy of the model.',
  },
  {
    id: 'missing-model',
    engines: PY_ENGINES,
    category: 'gated_or_missing_model',
    phase: 'launch',
    priority: 88,
    severity: 'error',
    patterns: [
      /RepositoryNotFoundError|Repository Not Found/i,
      /RevisionNotFoundError|EntryNotFoundError/,
      /Invalid repository ID or local directory specified/i,
      /does not appear to have a file named/i,
      /is not a local folder and is not a valid model identifier/i,
      /Incorrect path_or_model_id/i,
      /HTTPSConnectionPool\(host='huggingface\.co'/i,
      /404 Client Error.{0,120}huggingface\.co/i,
      /Repo id must (?:be in the form|use alphanumeric)/i,
      /Cannot find the requested files in the local cache|couldn't connect to '?https?:\/\/huggingface\.co/i,
    ],
    title: '{engine} could not find or download the model',
    explanation:
      'The model id is misspelled, the local folder does not exist or lacks config.json, the repository is ' +
      'private, or this machine cannot reach huggingface.co (or is offline with nothing in the cache).',
    fix:
      'Check the model id (owner/name, exact spelling) or the local path; set HF_TOKEN for private or gated ' +
      'repositories; check internet access, or pre-download the model with `hf download <repo>`.',
  },
  {
    id: 'corrupt-weights',
    engines: PY_ENGINES,
    category: 'corrupt_weights',
    phase: 'launch',
    // Below disk_full: a disk that filled up during the download is the usual reason a file is truncated.
    priority: 65,
    severity: 'error',
    patterns: [
      /SafetensorError/,
      /HeaderTooLarge|MetadataIncompleteBuffer|incomplete metadata/i,
      /Error while deserializing header/i,
      /invalid load key/i,
      /unexpected EOF, expected \d+ more bytes/i,
      /PytorchStreamReader failed reading zip archive/i,
      /Consistency check failed: file should be of size/i,
    ],
    title: 'A model weight file is damaged or incomplete',
    explanation:
      'A weights file (.safetensors or .bin) could not be read. Usually its download was interrupted or the ' +
      'disk filled up while downloading; sometimes the upload itself is broken, or the file is a Git LFS pointer.',
    fix:
      'Delete the damaged files from the Hugging Face cache (~/.cache/huggingface/hub/models--<owner>--<name>) ' +
      'or the local model folder, check free disk space, and download again (hf download <repo>).',
  },
];
