import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Architecture } from '../model/architecture.js';
import { readConfig } from '../model/read-config.js';
import { MODELS, modelById } from './registry.js';

// Architecture of every registry model as read from its stored config fields, pinned to the values
// checked field by field against the official config.json (or a faithful copy of it, named in each
// row). A later edit of a registry entry that changes any of these fails here.

const archOf = (id: string): Architecture => {
  const entry = modelById(id);
  if (!entry) throw new Error(`no registry entry ${id}`);
  return readConfig(entry.config);
};

const CODE = { full: 'F', sliding: 'S', chunked: 'C', mla: 'M', mamba: 'X' } as const;

/** Attention kinds of the first 8 layers, then the count of each kind with its window or chunk. */
function attentionMix(arch: Architecture): string {
  const counts = new Map<string, number>();
  for (const { attention: a } of arch.layers) {
    const key =
      a.kind === 'sliding' ? `sliding ${a.window}` : a.kind === 'chunked' ? `chunked ${a.chunk}` : a.kind;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const head = arch.layers
    .slice(0, 8)
    .map((l) => CODE[l.attention.kind])
    .join('');
  return `${head}; ${[...counts].map(([key, n]) => `${key} x${n}`).join(', ')}`;
}

/** MLP kind of the first 8 layers (D dense, E experts), then the number of MoE layers. */
function mlpMix(arch: Architecture): string {
  const head = arch.layers
    .slice(0, 8)
    .map((l) => (l.mlp === 'moe' ? 'E' : 'D'))
    .join('');
  return `${head}; moe x${arch.layers.filter((l) => l.mlp === 'moe').length}`;
}

const HFC = 'HF config.json';

// id, layers, hidden, heads, KV heads, head_dim, dense MLP width, vocab, tied, max positions,
// attention layout, where the fields were checked.
type Shape = readonly [
  id: string,
  layers: number,
  hidden: number,
  heads: number,
  kvHeads: number,
  headDim: number,
  intermediate: number,
  vocab: number,
  tied: boolean,
  maxPositions: number,
  attention: string,
  source: string,
];

// biome-ignore format: one model per row
const SHAPES: readonly Shape[] = [
  ['llama-2-7b', 32, 4096, 32, 32, 128, 11008, 32000, false, 4096, 'FFFFFFFF; full x32', `${HFC}; verbatim copy in a torchKQI script; mlc-llm model_preset`],
  ['llama-2-13b', 40, 5120, 40, 40, 128, 13824, 32000, false, 4096, 'FFFFFFFF; full x40', `${HFC}; verbatim copy in a torchKQI script; mlc-llm model_preset`],
  ['llama-2-70b', 80, 8192, 64, 8, 128, 28672, 32000, false, 4096, 'FFFFFFFF; full x80', `${HFC}; scaleapi/llm-engine test copy; torchKQI copy`],
  ['llama-3-8b', 32, 4096, 32, 8, 128, 14336, 128256, false, 8192, 'FFFFFFFF; full x32', `${HFC}; torchKQI copy; mlc-llm model_preset`],
  ['llama-3-70b', 80, 8192, 64, 8, 128, 28672, 128256, false, 8192, 'FFFFFFFF; full x80', `${HFC}; mlc-llm model_preset`],
  ['llama-3.1-8b', 32, 4096, 32, 8, 128, 14336, 128256, false, 131072, 'FFFFFFFF; full x32', 'hf-configs verbatim'],
  ['llama-3.1-70b', 80, 8192, 64, 8, 128, 28672, 128256, false, 131072, 'FFFFFFFF; full x80', 'hf-configs verbatim'],
  ['llama-3.1-405b', 126, 16384, 128, 8, 128, 53248, 128256, false, 131072, 'FFFFFFFF; full x126', 'Llama 3 paper Table 3; public copies (no verbatim found)'],
  ['llama-3.2-1b', 16, 2048, 32, 8, 64, 8192, 128256, true, 131072, 'FFFFFFFF; full x16', `${HFC}; mlc-llm model_preset`],
  ['llama-3.2-3b', 28, 3072, 24, 8, 128, 8192, 128256, true, 131072, 'FFFFFFFF; full x28', `${HFC}; mlc-llm model_preset`],
  ['llama-4-scout', 48, 5120, 40, 8, 128, 16384, 202048, false, 262144, 'CCCFCCCF; chunked 8192 x36, full x12', `${HFC} quoted in AMD-AGI/Primus PR #165`],
  ['llama-4-maverick', 48, 5120, 40, 8, 128, 16384, 202048, false, 262144, 'CCCFCCCF; chunked 8192 x36, full x12', 'TensorRT-LLM Maverick test config; Primus llama4_17B128E.yaml'],
  ['mistral-7b-v0.1', 32, 4096, 32, 8, 128, 14336, 32000, false, 32768, 'SSSSSSSS; sliding 4096 x32', `${HFC}; mlc-llm model_preset; paper §2`],
  ['mistral-nemo-12b', 40, 5120, 32, 8, 128, 14336, 131072, false, 1024000, 'FFFFFFFF; full x40', `${HFC}; public test copies`],
  ['mixtral-8x7b', 32, 4096, 32, 8, 128, 14336, 32000, false, 32768, 'FFFFFFFF; full x32', 'hf-configs verbatim'],
  ['mixtral-8x22b', 56, 6144, 48, 8, 128, 16384, 32000, false, 65536, 'FFFFFFFF; full x56', `${HFC}; scaleapi/llm-engine test copy`],
  ['deepseek-v2', 60, 5120, 128, 128, 192, 12288, 102400, false, 163840, 'MMMMMMMM; mla x60', `${HFC}; verbatim public copy`],
  ['deepseek-v2-lite', 27, 2048, 16, 16, 192, 10944, 102400, false, 163840, 'MMMMMMMM; mla x27', `${HFC}; mlc-llm model_preset`],
  ['deepseek-v3', 61, 7168, 128, 128, 192, 18432, 129280, false, 163840, 'MMMMMMMM; mla x61', 'hf-configs verbatim'],
  ['deepseek-r1', 61, 7168, 128, 128, 192, 18432, 129280, false, 163840, 'MMMMMMMM; mla x61', 'DeepSeek-V3 architecture (R1 report §2)'],
  ['qwen3-0.6b', 28, 1024, 16, 8, 128, 3072, 151936, true, 40960, 'FFFFFFFF; full x28', `${HFC}; mlc-llm model_preset`],
  ['qwen3-8b', 36, 4096, 32, 8, 128, 12288, 151936, false, 40960, 'FFFFFFFF; full x36', 'hf-configs verbatim'],
  ['qwen3-32b', 64, 5120, 64, 8, 128, 25600, 151936, false, 40960, 'FFFFFFFF; full x64', 'hf-configs verbatim'],
  ['qwen3-30b-a3b', 48, 2048, 32, 4, 128, 6144, 151936, false, 40960, 'FFFFFFFF; full x48', 'hf-configs verbatim'],
  ['qwen3-235b-a22b', 94, 4096, 64, 4, 128, 12288, 151936, false, 40960, 'FFFFFFFF; full x94', `${HFC}; verbatim public copy`],
  ['qwen2.5-7b', 28, 3584, 28, 4, 128, 18944, 152064, false, 131072, 'FFFFFFFF; full x28', `${HFC} as printed by transformers 4.48.3`],
  ['qwen2.5-72b', 80, 8192, 64, 8, 128, 29568, 152064, false, 32768, 'FFFFFFFF; full x80', 'Qwen2.5-72B-Instruct config.json, verbatim copies'],
  ['qwen1.5-moe-a2.7b', 24, 2048, 16, 16, 128, 5632, 151936, false, 8192, 'FFFFFFFF; full x24', `${HFC}; mlc-llm model_preset (Chat)`],
  ['gemma-2-9b', 42, 3584, 16, 8, 256, 14336, 256000, true, 8192, 'SFSFSFSF; sliding 4096 x21, full x21', `${HFC}; mlc-llm model_preset; torchKQI copy`],
  ['gemma-2-27b', 46, 4608, 32, 16, 128, 36864, 256000, true, 8192, 'SFSFSFSF; sliding 4096 x23, full x23', `${HFC}; mlc-llm model_preset`],
  ['gemma-3-27b', 62, 5376, 32, 16, 128, 21504, 262208, true, 131072, 'SSSSSFSS; sliding 1024 x52, full x10', 'gemma-3-27b-it text_config (TensorRT-LLM test copy) + Gemma3TextConfig defaults'],
  ['gpt-oss-20b', 24, 2880, 64, 8, 64, 2880, 201088, false, 131072, 'SFSFSFSF; sliding 128 x12, full x12', `${HFC}; public test copies`],
  ['gpt-oss-120b', 36, 2880, 64, 8, 64, 2880, 201088, false, 131072, 'SFSFSFSF; sliding 128 x18, full x18', `${HFC}; copy of the raw file`],
  ['dbrx', 40, 6144, 48, 8, 128, 10752, 100352, false, 32768, 'FFFFFFFF; full x40', `${HFC}; dbrx-instruct public copy`],
  ['olmoe-1b-7b', 16, 2048, 16, 16, 128, 1024, 50304, false, 4096, 'FFFFFFFF; full x16', `${HFC}; public test copies; OlmoeConfig defaults`],
  ['jamba-v0.1', 32, 4096, 32, 8, 128, 14336, 65536, false, 262144, 'XXXXFXXX; mamba x28, full x4', `${HFC}; public trimmed copies`],
  ['falcon-7b', 32, 4544, 71, 1, 64, 18176, 65024, true, 2048, 'FFFFFFFF; full x32', `${HFC}; epfLLM/Megatron-LLM weights2megatron`],
  ['falcon-40b', 60, 8192, 128, 8, 64, 32768, 65024, true, 2048, 'FFFFFFFF; full x60', `${HFC}; tenstorrent tt-metal falcon40b copy`],
  ['falcon-180b', 80, 14848, 232, 8, 64, 59392, 65024, true, 2048, 'FFFFFFFF; full x80', `${HFC}; TensorRT-LLM perf docs`],
  ['opt-13b', 40, 5120, 40, 40, 128, 20480, 50272, true, 2048, 'FFFFFFFF; full x40', `${HFC}; verbatim public copy; cli99/llm-analysis`],
  ['gpt2', 12, 768, 12, 12, 64, 3072, 50257, true, 1024, 'FFFFFFFF; full x12', `${HFC}; mlc-llm model_preset`],
  ['gpt2-xl', 48, 1600, 25, 25, 64, 6400, 50257, true, 1024, 'FFFFFFFF; full x48', `${HFC}; cli99/llm-analysis`],
  ['gpt-3-175b', 96, 12288, 96, 96, 128, 49152, 50257, true, 2048, 'FFFFFFFF; full x96', 'Brown et al. 2020, Table 2.1'],
  ['phi-3-mini', 32, 3072, 32, 32, 96, 8192, 32064, false, 4096, 'SSSSSSSS; sliding 2047 x32', `${HFC}; mlc-llm model_preset`],
  ['phi-4', 40, 5120, 40, 10, 128, 17920, 100352, false, 16384, 'FFFFFFFF; full x40', `${HFC}; public test copies; 14.7B untied`],
];

// id, experts, top-k, shared experts, expert width, shared width, MLP layout, where checked.
// biome-ignore format: one model per row
const MOE = [
  ['llama-4-scout', 16, 1, 1, 8192, 8192, 'EEEEEEEE; moe x48', 'interleave_moe_layer_step 1'],
  ['llama-4-maverick', 128, 1, 1, 8192, 8192, 'DEDEDEDE; moe x24', 'interleave_moe_layer_step 2, dense FFN 16384'],
  ['mixtral-8x7b', 8, 2, 0, 14336, 0, 'EEEEEEEE; moe x32', 'hf-configs verbatim'],
  ['mixtral-8x22b', 8, 2, 0, 16384, 0, 'EEEEEEEE; moe x56', 'scaleapi/llm-engine test copy'],
  ['deepseek-v2', 160, 6, 2, 1536, 1536, 'DEEEEEEE; moe x59', 'first_k_dense_replace 1, dense FFN 12288'],
  ['deepseek-v2-lite', 64, 6, 2, 1408, 1408, 'DEEEEEEE; moe x26', 'first_k_dense_replace 1, dense FFN 10944'],
  ['deepseek-v3', 256, 8, 1, 2048, 2048, 'DDDEEEEE; moe x58', 'first_k_dense_replace 3, dense FFN 18432'],
  ['deepseek-r1', 256, 8, 1, 2048, 2048, 'DDDEEEEE; moe x58', 'DeepSeek-V3 architecture'],
  ['qwen3-30b-a3b', 128, 8, 0, 768, 0, 'EEEEEEEE; moe x48', 'hf-configs verbatim'],
  ['qwen3-235b-a22b', 128, 8, 0, 1536, 0, 'EEEEEEEE; moe x94', 'verbatim public copy'],
  ['qwen1.5-moe-a2.7b', 60, 4, 1, 1408, 5632, 'EEEEEEEE; moe x24', 'mlc-llm model_preset qwen2moe'],
  ['gpt-oss-20b', 32, 4, 0, 2880, 0, 'EEEEEEEE; moe x24', 'public test copies; model card Table 1'],
  ['gpt-oss-120b', 128, 4, 0, 2880, 0, 'EEEEEEEE; moe x36', 'copy of the raw config.json'],
  ['dbrx', 16, 4, 0, 10752, 0, 'EEEEEEEE; moe x40', 'dbrx-instruct public copy'],
  ['olmoe-1b-7b', 64, 8, 0, 1024, 0, 'EEEEEEEE; moe x16', 'public test copies'],
  ['jamba-v0.1', 16, 2, 0, 14336, 0, 'DEDEDEDE; moe x16', 'expert_layer_period 2, offset 1'],
] as const;

describe('registry models pinned to their verified configs', () => {
  it('pins every registry model exactly once', () => {
    expect(SHAPES.map((row) => row[0]).sort()).toEqual(MODELS.map((entry) => entry.id).sort());
  });

  it.each(
    SHAPES.map(
      ([
        id,
        layers,
        hidden,
        heads,
        kvHeads,
        headDim,
        intermediate,
        vocab,
        tied,
        maxPositions,
        attention,
        source,
      ]) => ({
        id,
        layers,
        hidden,
        heads,
        kvHeads,
        headDim,
        intermediate,
        vocab,
        tied,
        maxPositions,
        attention,
        source,
      }),
    ),
  )(
    '$id: $layers layers, hidden $hidden, $heads heads / $kvHeads KV, head_dim $headDim, MLP $intermediate, vocab $vocab, tied $tied, $maxPositions positions ($source)',
    (row) => {
      const arch = archOf(row.id);
      expect(arch.layers).toHaveLength(row.layers);
      expect(arch.hidden).toBe(row.hidden);
      expect(arch.attention).toMatchObject({ heads: row.heads, kvHeads: row.kvHeads, headDim: row.headDim });
      expect(arch.mlp.intermediate).toBe(row.intermediate);
      expect(arch.vocab).toBe(row.vocab);
      expect(arch.tiedEmbeddings).toBe(row.tied);
      expect(arch.maxPositions).toBe(row.maxPositions);
      expect(attentionMix(arch)).toBe(row.attention);
    },
  );

  it.each(MOE)(
    '%s: %d experts, top-%d, %d shared, expert width %d, shared width %d, MLP layout %s',
    (id, experts, topK, sharedExperts, expertIntermediate, sharedIntermediate, mlp, _source) => {
      const arch = archOf(id);
      expect(arch.moe).toMatchObject({
        experts,
        topK,
        sharedExperts,
        expertIntermediate,
        sharedIntermediate,
      });
      expect(mlpMix(arch)).toBe(mlp);
    },
  );

  it('has MoE fields exactly on the 16 MoE models above', () => {
    expect(MODELS.filter((entry) => readConfig(entry.config).moe).length).toBe(16);
  });

  // id, q_lora_rank, kv_lora_rank, qk_nope_head_dim, qk_rope_head_dim, v_head_dim.
  it.each([
    ['deepseek-v2', 1536, 512, 128, 64, 128],
    ['deepseek-v2-lite', null, 512, 128, 64, 128],
    ['deepseek-v3', 1536, 512, 128, 64, 128],
    ['deepseek-r1', 1536, 512, 128, 64, 128],
  ] as const)('%s MLA: q_lora %s, kv_lora %d, nope %d, rope %d, v %d', (id, q, kv, nope, rope, v) => {
    expect(archOf(id).mla).toEqual({
      qLoraRank: q,
      kvLoraRank: kv,
      qkNopeHeadDim: nope,
      qkRopeHeadDim: rope,
      vHeadDim: v,
    });
  });

  it('Jamba-v0.1 Mamba layers: d_state 16, d_conv 4, expand 2 (inner 8192), dt_rank 256 (ai21labs/Jamba-v0.1 config.json)', () => {
    expect(archOf('jamba-v0.1').mamba).toMatchObject({
      dState: 16,
      dConv: 4,
      expand: 2,
      inner: 8192,
      dtRank: 256,
    });
  });

  it.each([
    ['qwen2.5-7b', true, false, 'none', 'Qwen2Attention: q/k/v bias, no o bias'],
    ['qwen1.5-moe-a2.7b', true, false, 'none', 'Qwen2MoeAttention'],
    ['gpt-oss-120b', true, true, 'none', 'attention_bias true'],
    ['opt-13b', true, true, 'none', 'enable_bias true'],
    ['llama-4-scout', false, false, 'l2', 'use_qk_norm true'],
    ['llama-4-maverick', false, false, 'none', 'use_qk_norm false'],
    ['qwen3-8b', false, false, 'per-head', 'Qwen3 q_norm/k_norm'],
    ['gemma-3-27b', false, false, 'per-head', 'Gemma 3 q_norm/k_norm'],
  ] as const)(
    '%s attention: qkv bias %s, out bias %s, qk norm %s (%s)',
    (id, qkvBias, outBias, qkNorm, _why) => {
      expect(archOf(id).attention).toMatchObject({ qkvBias, outBias, qkNorm });
    },
  );
});

// The 7 registry entries backed by a verbatim config must state exactly the fixture's values and
// read to the same architecture as the full file.
describe('registry entries against the verbatim hf-configs fixtures', () => {
  const fixture = (name: string): Record<string, unknown> =>
    JSON.parse(readFileSync(new URL(`../model/fixtures/${name}.json`, import.meta.url), 'utf8'));
  const withoutProvenance = ({ defaults: _d, notes: _n, ...rest }: Architecture) => rest;

  it.each([
    ['llama-3.1-8b', 'meta-llama--Meta-Llama-3.1-8B'],
    ['llama-3.1-70b', 'meta-llama--Meta-Llama-3.1-70B'],
    ['mixtral-8x7b', 'mistralai--Mixtral-8x7B-v0.1'],
    ['deepseek-v3', 'deepseek-ai--DeepSeek-V3'],
    ['qwen3-8b', 'Qwen--Qwen3-8B'],
    ['qwen3-32b', 'Qwen--Qwen3-32B'],
    ['qwen3-30b-a3b', 'Qwen--Qwen3-30B-A3B'],
  ])('%s states only values of %s.json and reads the same', (id, file) => {
    const config = modelById(id)?.config ?? {};
    const verbatim = fixture(file);
    for (const [field, value] of Object.entries(config)) {
      expect(verbatim[field], field).toEqual(value);
    }
    expect(withoutProvenance(readConfig(config))).toEqual(withoutProvenance(readConfig(verbatim)));
  });
});
