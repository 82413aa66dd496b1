export type GroundingFamily = 'qwen2.5-vl' | 'internvl' | 'ernie-4.5-vl';
export declare const MODEL_FAMILIES: readonly { family: GroundingFamily; pattern: RegExp }[];
export declare function groundingFamily(model: string | null | undefined): GroundingFamily | null;
