// Compute capability by GPU name, for drivers older than 510 whose nvidia-smi has no `compute_cap` field.
// Data, first match wins: more specific names come before the names they contain (A100 before A10).
// Source: NVIDIA's CUDA GPUs table (developer.nvidia.com/cuda-gpus).

const TABLE: readonly [RegExp, number][] = [
  [/\bB(100|200)\b|\bGB200\b/i, 10.0],
  [/RTX PRO \d+ Blackwell|RTX 50\d0/i, 12.0],
  [/\bH(100|200|800)\b|\bGH200\b/i, 9.0],
  [/\bL40S?\b|\bL4\b|\bL20\b|RTX 40\d0|RTX \d+ Ada|\bAda\b/i, 8.9],
  [/\bA100\b|\bA800\b|\bA30\b/i, 8.0],
  [/\bA10G?\b|\bA40\b|\bA16\b|\bA2\b|RTX A\d+|RTX 30\d0/i, 8.6],
  [/\bT4\b|RTX 20\d0|Quadro RTX|TITAN RTX|GTX 16\d0/i, 7.5],
  [/\bV100\b|TITAN V\b/i, 7.0],
  [/\bP100\b/i, 6.0],
  [/\bP4\b|\bP40\b|GTX 10\d0|TITAN Xp?\b/i, 6.1],
  [/\bK80\b/i, 3.7],
];

export function capabilityFromName(name: string): number | null {
  for (const [pattern, capability] of TABLE) if (pattern.test(name)) return capability;
  return null;
}
