import { GIB, KIB } from '../format/format-number.js';
import { kvCache } from '../kvcache/kv-cache.js';
import { readConfig } from '../model/read-config.js';
import { countParams, type ParamCount } from '../params/count-params.js';
import { resolveModel } from '../registry/registry.js';
import { dtypeOf } from '../units/parse-dtype.js';

/** The unit a published figure is stated in, and its size in base units (bytes or parameters). */
export interface Unit {
  name: string;
  size: number;
}

const BYTE: Unit = { name: 'B', size: 1 };
const KIBIBYTE: Unit = { name: 'KiB', size: KIB };
const GIBIBYTE: Unit = { name: 'GiB', size: GIB };
const BILLION: Unit = { name: 'B params', size: 1e9 };

/** One published figure for a registry model next to how we compute it. */
export interface AccuracyRow {
  /** Registry id, e.g. `llama-3.1-70b`. */
  model: string;
  /** What is compared, e.g. `KV per token, fp16`. */
  quantity: string;
  /** The figure as the source writes it, e.g. `800 KB`. */
  stated: string;
  /** The published figure in `unit`s, as the source means it (see `reading`). */
  published: number;
  unit: Unit;
  /** Where the figure is published: paper and section/table, model card, or pull request. */
  source: string;
  /** How the stated figure is read when its unit is ambiguous (GB meaning GiB, an active-count convention). */
  reading?: string;
  /** Largest relative error that counts as agreement: half a unit in the published figure's last digit. */
  tolerance: number;
  /** Our figure in base units, computed live through the calculators. */
  ours(): number;
  /**
   * Set when our figure is outside the rounding of the published one for a known reason; the test then
   * pins that the error stays within `bound` (and above `tolerance`, so a fix forces this to be removed).
   */
  discrepancy?: { bound: number; why: string };
}

const archOf = (id: string) => readConfig(resolveModel(id).entry.config);
const kvBytes = (id: string, tokens: number, dtype: 'fp16' | 'bf16') =>
  kvCache({ arch: archOf(id), tokens, batch: 1, dtype: dtypeOf(dtype) });
/** Bytes of the attention layers' KV at `tokens` (a hybrid model's Mamba state left out). */
const attentionKv = (id: string, tokens: number) =>
  kvBytes(id, tokens, 'bf16')
    .groups.filter((group) => group.kind !== 'mamba')
    .reduce((sum, group) => sum + group.bytes, 0);
const params = (id: string, pick: (count: ParamCount) => number) => () => pick(countParams(archOf(id)));
const total = (count: ParamCount) => count.total;
const active = (count: ParamCount) => count.active;
const activeNoEmbedding = (count: ParamCount) => count.activeNoInputEmbedding;

/** Half a unit in the last digit of `value` written with `decimals` decimals, relative to `value`. */
const rounding = (value: number, decimals: number) => (0.5 * 10 ** -decimals) / value;

const WITH_EMBEDDING = 'active counts the input embedding table';
const WITHOUT_EMBEDDING = 'active leaves the input embedding table out';
const GB_IS_GIB =
  'the paper writes GB for powers of two (its Llama-2 128GB is exactly 128 GiB, 137.4 GB decimal), so GiB';

/** The accuracy table of issue 8: every row is a model our registry has and a figure with its source. */
export const ACCURACY_ROWS: readonly AccuracyRow[] = [
  {
    model: 'opt-13b',
    quantity: 'KV per token, fp16',
    stated: '800 KB',
    published: 800,
    unit: KIBIBYTE,
    source: 'Kwon et al. 2023 (vLLM/PagedAttention) §3: 2 · 5120 · 40 · 2 bytes',
    reading: 'the paper computes 2 · 5120 · 40 · 2 = 819,200 B, so its KB is KiB',
    tolerance: 0,
    ours: () => kvBytes('opt-13b', 1, 'fp16').bytesPerToken,
  },
  {
    model: 'llama-2-7b',
    quantity: 'KV at 256K tokens, 16-bit',
    stated: '128GB',
    published: 128,
    unit: GIBIBYTE,
    source: 'Lieber et al. 2024 (Jamba) Table 1',
    reading: 'GB read as GiB: 2 · 32 · 32 · 128 · 2 B · 262,144 = 2^37 B',
    tolerance: rounding(128, 0),
    ours: () => kvBytes('llama-2-7b', 262_144, 'bf16').totalBytes,
  },
  {
    model: 'jamba-v0.1',
    quantity: 'KV at 256K tokens, 16-bit (attention layers)',
    stated: '4GB',
    published: 4,
    unit: GIBIBYTE,
    source: 'Lieber et al. 2024 (Jamba) Table 1',
    reading: `${GB_IS_GIB}; the Mamba layers' fixed state is not KV`,
    tolerance: rounding(4, 0),
    ours: () => attentionKv('jamba-v0.1', 262_144),
  },
  {
    model: 'gemma-3-27b',
    quantity: 'KV at 131,072 tokens, bf16',
    stated: '10.41 GiB',
    published: 10.41,
    unit: GIBIBYTE,
    source: 'unsloth pull request 4757 (Gemma 3 KV cache: head_dim from the config, 5 local : 1 global)',
    tolerance: rounding(10.41, 2),
    ours: () => kvBytes('gemma-3-27b', 131_072, 'bf16').totalBytes,
  },
  {
    model: 'deepseek-v3',
    quantity: 'KV per token, bf16 (MLA)',
    stated: '(d_c + d_h^R)·l',
    published: 61 * (512 + 64) * 2,
    unit: BYTE,
    source:
      'DeepSeek-V2 paper §2.1 / Table 1 formula with the V3 config (l = 61, d_c = 512, d_h^R = 64), 2 B each',
    reading: 'a formula, not a stated number: (512 + 64) elements · 61 layers · 2 B = 70,272 B',
    tolerance: 0,
    ours: () => kvBytes('deepseek-v3', 1, 'bf16').bytesPerToken,
  },
  {
    model: 'llama-3.1-70b',
    quantity: 'KV at 131,072 tokens, bf16',
    stated: '40.0 GiB',
    published: 40,
    unit: GIBIBYTE,
    source:
      'shared/reference/formulas.md check: 2 · 80 layers · 8 KV heads · 128 · 2 B (Meta config.json) · 131,072',
    reading: 'a hand computation from the official config, not an independent publication',
    tolerance: rounding(40, 1),
    ours: () => kvBytes('llama-3.1-70b', 131_072, 'bf16').totalBytes,
  },
  {
    model: 'gpt-3-175b',
    quantity: 'parameters',
    stated: '175.0B',
    published: 175,
    unit: BILLION,
    source: 'Brown et al. 2020 (GPT-3) Table 2.1',
    tolerance: rounding(175, 1),
    ours: params('gpt-3-175b', total),
    discrepancy: {
      bound: 0.003,
      why: "the same table's shape (96 layers, d_model 12,288, 2,048 positions, GPT-2's 50,257 tokens) gives 174.6B, as does Narayanan et al. 2021's formula; 175.0B is the model's name rounded",
    },
  },
  ...moe(
    'mixtral-8x7b',
    [46.7, 1],
    [12.9, 1],
    WITH_EMBEDDING,
    'Mistral AI, "Mixtral of experts" announcement (Dec 2023)',
  ),
  ...moe(
    'deepseek-v3',
    [671, 0],
    [37, 0],
    WITHOUT_EMBEDDING,
    'DeepSeek-V3 technical report, abstract (the 685B on the hub adds the 14B MTP module)',
  ),
  ...moe('qwen3-30b-a3b', [30.5, 1], [3.3, 1], WITH_EMBEDDING, 'Qwen3-30B-A3B model card', {
    bound: 0.02,
    why: 'ours is 3.353B with the embedding table (3.042B without); 3.3B would need a truncation, not rounding',
  }),
  ...moe('dbrx', [132, 0], [36, 0], WITH_EMBEDDING, 'Databricks DBRX announcement and model card'),
  ...moe('olmoe-1b-7b', [6.9, 1], [1.3, 1], WITH_EMBEDDING, 'Muennighoff et al. 2024 (OLMoE) Table 1'),
  ...moe('jamba-v0.1', [52, 0], [12, 0], WITH_EMBEDDING, 'Lieber et al. 2024 (Jamba) Table 1'),
  ...moe('gpt-oss-120b', [116.83, 2], [5.13, 2], WITHOUT_EMBEDDING, 'gpt-oss model card Table 1'),
];

/** The two rows of an MoE model: total and active parameters, each `[billions, decimals as published]`. */
function moe(
  model: string,
  [totalB, totalDecimals]: [number, number],
  [activeB, activeDecimals]: [number, number],
  convention: string,
  source: string,
  activeDiscrepancy?: AccuracyRow['discrepancy'],
): AccuracyRow[] {
  const stated = (value: number, decimals: number) => `${value.toFixed(decimals)}B`;
  return [
    {
      model,
      quantity: 'parameters, total',
      stated: stated(totalB, totalDecimals),
      published: totalB,
      unit: BILLION,
      source,
      tolerance: rounding(totalB, totalDecimals),
      ours: params(model, total),
    },
    {
      model,
      quantity: 'parameters, active per token',
      stated: stated(activeB, activeDecimals),
      published: activeB,
      unit: BILLION,
      source,
      reading: convention,
      tolerance: rounding(activeB, activeDecimals),
      ours: params(model, convention === WITH_EMBEDDING ? active : activeNoEmbedding),
      ...(activeDiscrepancy ? { discrepancy: activeDiscrepancy } : {}),
    },
  ];
}
