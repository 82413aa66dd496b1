import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseLines } from './diagnose';
import { matchLine } from './match-line';
import { createDiagnosisScanner } from './scanner';

const filler = (n: number, tag = '(EngineCore_DP0 pid=201)') =>
  Array.from(
    { length: n },
    (_, i) => `${tag} ERROR 07-01 10:00:01 [core.py:700]   File "/x/vllm/f${i}.py", line ${i}`,
  );

describe('the wrapper never hides the root cause', () => {
  const root =
    '(EngineCore_DP0 pid=201) ERROR 07-01 10:00:00 [core.py:700] ValueError: Free memory on device (3.1/23.6 GiB) on startup is less than desired GPU memory utilization (0.9, 21.2 GiB).';
  const log = [
    '(EngineCore_DP0 pid=201) ERROR 07-01 10:00:00 [core.py:700] EngineCore failed to start.',
    '(EngineCore_DP0 pid=201) ERROR 07-01 10:00:00 [core.py:700] Traceback (most recent call last):',
    root,
    ...filler(40),
    '(APIServer pid=200) RuntimeError: Engine core initialization failed. See root cause above. Failed core proc(s): {}',
  ];

  it("reports the root's category and quotes the root line", () => {
    const result = diagnose(log.join('\n'));
    expect(result?.category).toBe('gpu_memory_in_use');
    expect(result?.line.index).toBe(2);
    expect(result?.line.text).toMatch(/^ValueError: Free memory on device/);
  });

  it('names an unrecognised root exception above the wrapper as unknown, with its frame', () => {
    const unknownRoot = log.map((line) =>
      line === root
        ? "(EngineCore_DP0 pid=201) ERROR 07-01 10:00:00 [core.py:700] KeyError: 'model.layers.0.attention.wqkv.qweight'"
        : line,
    );
    const result = diagnose(unknownRoot.join('\n'));
    expect(result?.category).toBe('unknown');
    expect(result?.line.index).toBe(2);
    expect(result?.line.text).toContain("KeyError: 'model.layers.0.attention.wqkv.qweight'");
  });

  it('quotes the wrapper itself when nothing above it explains the crash', () => {
    const result = diagnose(log.filter((line) => line !== root).join('\n'));
    expect(result?.category).toBe('engine_core_died');
    expect(result?.line.text).toMatch(/^RuntimeError: Engine core initialization failed/);
  });
});

describe('process prefixes are stripped', () => {
  it('docker compose gutter plus an engine tag plus a vLLM head', () => {
    const result = diagnose(
      'vllm-1  | (EngineCore_DP0 pid=1) ERROR 09-01 10:00:00 [core.py:708] ValueError: No available memory for the cache blocks.',
    );
    expect(result?.category).toBe('no_kv_cache_memory');
    expect(result?.line.text).toBe('ValueError: No available memory for the cache blocks.');
  });
});

describe('unknown failures', () => {
  it('quotes the first real exception after a traceback', () => {
    const result = diagnose(
      [
        'INFO 01-01 00:00:00 [api_server.py:1] vLLM API server version 0.9.2',
        'Traceback (most recent call last):',
        '  File "/x/vllm/model_executor/models/internvl.py", line 10, in load_weights',
        "KeyError: 'model.layers.0.attention.wqkv.qweight'",
        '',
        'During handling of the above exception, another exception occurred:',
        'Traceback (most recent call last):',
        'RuntimeError: Engine process failed to start. See stack trace for the root cause.',
      ].join('\n'),
    );
    expect(result?.category).toBe('unknown');
    expect(result?.line).toEqual({ index: 3, text: "KeyError: 'model.layers.0.attention.wqkv.qweight'" });
    expect(result?.frame).toBe('File "/x/vllm/model_executor/models/internvl.py", line 10, in load_weights');
    expect(result?.explanation).toContain('internvl.py", line 10');
  });

  it('falls back to unknown when no rule and no wrapper matches', () => {
    const result = diagnose(
      ['Traceback (most recent call last):', '  File "x.py"', 'ZeroDivisionError: oops'].join('\n'),
    );
    expect(result).toMatchObject({ ruleId: 'unknown', category: 'unknown', line: { index: 2 } });
  });

  it('joins a pydantic summary with its detail line', () => {
    const result = diagnose(
      [
        'Traceback (most recent call last):',
        'pydantic_core._pydantic_core.ValidationError: 1 validation error for ModelConfig',
        "  Value error, Invalid value 'fast' for tokenizer_mode [type=value_error]",
      ].join('\n'),
    );
    expect(result?.category).toBe('unknown');
    expect(result?.line.text).toContain("Value error, Invalid value 'fast'");
  });

  it('ignores a traceback the server recovered from', () => {
    const log = [
      'Traceback (most recent call last):',
      'ImportError: optional plugin',
      'INFO:     Application startup complete.',
    ];
    expect(diagnose(log.join('\n'))).toBeNull();
  });
});

describe('healthy logs produce no diagnosis', () => {
  const healthy = [
    'INFO 04-28 16:55:32 model_runner.py:1185] CUDA graphs can take additional 1~3 GiB memory per GPU. If you are running out of memory, consider decreasing `gpu_memory_utilization` or enforcing eager mode.',
    "WARNING 04-28 16:55:33 config.py:1200] The model's config.json does not contain any of the following keys to determine the original maximum length of the model: ['max_position_embeddings', 'n_positions']. Assuming the model's maximum length is 2048.",
    '(EngineCore pid=3) [rank0]:W0802 00:24:00.148000 3 torch/_inductor/utils.py:1731] Not enough SMs to use max_autotune_gemm mode',
    '(EngineCore_DP0 pid=4) INFO 09-26 05:50:45 [gpu_worker.py:391] Free memory on device (23.21/23.65 GiB) on startup. Desired GPU memory utilization is (0.9, 21.28 GiB).',
    "WARNING 06-13 20:05:22 [config.py:70] Your device doesn't support torch.bfloat16. Falling back to torch.float16 for compatibility.",
    '(Worker_TP0 pid=300) ERROR 06-13 20:05:55 [fa_utils.py:171] Cannot use FA version 2 is not supported due to FA2 is only supported on devices with compute capability >= 8',
    '(EngineCore pid=274) INFO 06-13 20:08:04 [shm_broadcast.py:698] No available shared memory broadcast block found in 60 seconds.',
    'WARNING 06-13 20:05:02 [config.py:70] Support for Transformers v4 is deprecated. Please upgrade to Transformers v5: pip install --upgrade transformers',
    'INFO 02-01 00:00:00 [gpu_model_runner.py:1] To reduce the risk of OOM, lower --max-num-seqs. OOM hints are printed for information only.',
    "(APIServer pid=1) INFO 01-01 00:00:00 [utils.py:1] non-default args: {'trust_remote_code': True, 'max_model_len': 4096}",
    'node7:5593:5593 [1] NCCL INFO NET/Plugin: Plugin load returned 2 : libnccl-net.so: cannot open shared object file: No such file or directory : when loading libnccl-net.so',
    'node7:5593:5601 [1] NCCL INFO Channel 00 : 1[1] -> 0[0] via SHM/direct/direct',
    'WARNING 10-29 17:42:42 model_runner.py:1247] Computed max_num_seqs (min(256, 32768 // 147456)) to be less than 1. Setting it to the minimum value of 1.',
    "WARNING 03-02 11:00:00 [_logger.py:72] Your device 'Tesla T4' (with compute capability 7.5) doesn't support torch.bfloat16. Falling back to torch.float16 for compatibility.",
    '(APIServer pid=1) INFO 01-01 00:00:10 [api_server.py:1] Starting vLLM API server 0 on http://0.0.0.0:8000',
    '(APIServer pid=1) INFO:     Application startup complete.',
  ];

  it('returns null for every phase', () => {
    for (const phase of ['launch', 'request', 'any'] as const)
      expect(diagnose(healthy.join('\n'), { phase })).toBeNull();
  });
});

describe('phases', () => {
  const chat =
    'ERROR 08-14 16:17:00 [serving_chat.py:222] ValueError: As of transformers v4.44, default chat template is no longer allowed, so you must provide a chat template if the tokenizer does not define one.';

  it('keeps request-time errors out of the launch diagnosis', () => {
    expect(diagnose(['Traceback (most recent call last):', chat].join('\n'), { phase: 'launch' })).toBeNull();
    expect(diagnose(chat, { phase: 'request' })?.category).toBe('chat_template');
    expect(diagnose(chat)?.phase).toBe('request');
  });
});

describe('incremental and line-based forms', () => {
  const log = [
    'INFO 01-01 00:00:00 [core.py:1] Waiting for init message from front-end.',
    'safetensors_rust.SafetensorError: Error while deserializing header: InvalidHeaderDeserialization',
    'RuntimeError: Engine core initialization failed. See root cause above.',
  ];

  it('matchLine returns candidates for one raw line, best first', () => {
    expect(matchLine(log[0] ?? '')).toEqual([]);
    expect(matchLine(`(EngineCore pid=2) ${log[1]}`).map((m) => m.rule.category)).toEqual([
      'corrupt_weights',
    ]);
  });

  it('a scanner fed line by line agrees with diagnose and keeps seq', () => {
    const scanner = createDiagnosisScanner();
    log.forEach((line, i) => {
      scanner.push(line, 100 + i);
    });
    expect(scanner.result()).toEqual({
      ...diagnose(log.join('\n')),
      line: expect.objectContaining({ seq: 101 }),
    });
    expect(diagnoseLines(log.map((text, i) => ({ seq: 500 + i, text })))?.line).toMatchObject({
      index: 1,
      seq: 501,
    });
  });

  // Its time is a benchmark figure (bench/diagnosis.bench.ts), not a test's.
  it('finds the one failing line at the end of a 20,000-line log', () => {
    const lines = [...filler(19_999, '(APIServer pid=1)'), 'OSError: [Errno 28] No space left on device'];
    expect(diagnoseLines(lines)?.line.index).toBe(19_999);
  });
});
