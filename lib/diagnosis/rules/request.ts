// Request-time failures: the server keeps running and answers one chat request with HTTP 400. They belong on
// the failed chat message, not on the launch banner.
import { moreImagesPatch } from '../patches';
import type { DiagnosisRule } from '../types';

export const REQUEST_RULES: readonly DiagnosisRule[] = [
  {
    id: 'chat-template-missing',
    category: 'chat_template',
    phase: 'request',
    priority: 90,
    severity: 'error',
    patterns: [
      /default chat template is no longer allowed/i,
      /ChatTemplateResolutionError/,
      /chat_template is not set/i,
      /Cannot use chat template functions because/i,
    ],
    title: 'The model has no chat template',
    explanation:
      "A chat request is turned into one prompt by the tokenizer's chat template. This model's tokenizer has " +
      'none, usually because it is a base model rather than an instruct/chat model.',
    fix:
      'Use the instruct/chat version of the model, start vLLM with --chat-template <file.jinja>, or send plain ' +
      'completions (/v1/completions) instead of chat.',
  },
  {
    id: 'chat-template-rejected',
    category: 'chat_template',
    phase: 'request',
    priority: 80,
    severity: 'error',
    patterns: [
      /jinja2\.exceptions\.\w+/,
      /TemplateError:/,
      /Conversation roles must alternate/i,
      /System role not supported/i,
    ],
    title: "The model's chat template rejected the conversation",
    explanation:
      'The chat template raised an error while formatting the messages. Many templates accept only strictly ' +
      'alternating user/assistant turns, no system message, or a limited number of images.',
    fix:
      'Change the conversation (merge consecutive messages of one role, drop or merge the system prompt), or ' +
      'launch with a more permissive --chat-template.',
  },
  {
    // vLLM's wording for a clip beyond the launch's limit (0 unless --limit-mm-per-prompt allows video).
    id: 'too-many-videos',
    category: 'mm_limit',
    phase: 'request',
    priority: 95,
    severity: 'error',
    patterns: [/At most \d+ video\(s\) may be provided in one/i],
    title: 'The engine takes no more video clips',
    explanation:
      'The server was started allowing fewer video clips per prompt (--limit-mm-per-prompt) than this request ' +
      'carried; vLLM allows none unless the launch asks for them.',
    fix:
      'Send one clip per message, or launch a profile whose model takes video (ERNIE-4.5-VL, Qwen2.5-VL): ' +
      'its launch allows a clip per prompt.',
  },
  {
    id: 'too-many-images',
    category: 'mm_limit',
    phase: 'request',
    priority: 90,
    severity: 'error',
    patterns: [
      /At most \d+ \w+(?:\(s\)|s)? may be provided in one/i,
      /in `?--limit-mm-per-prompt`?,? but passed \d+/i,
    ],
    title: 'Too many images in one message',
    explanation:
      'The server was started with a limit on images (or videos) per prompt (--limit-mm-per-prompt), and this ' +
      'request carried more.',
    fix:
      'Send fewer images per message, or relaunch with a higher limit (--limit-mm-per-prompt \'{"image": N}\'); ' +
      'a higher limit reserves more GPU memory at start-up.',
    patch: moreImagesPatch,
  },
];
