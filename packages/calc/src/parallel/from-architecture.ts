import { formatCount } from '../format/format-number.js';
import type { Architecture } from '../model/architecture.js';
import { countParams } from '../params/count-params.js';
import type { TransformerShape } from './shape.js';

/**
 * The planner's view of a model read from its config: total parameters (every expert counted, for
 * memory), active parameters of an MoE (top-k routed plus shared experts, for compute), layer count,
 * hidden size, heads, KV heads, vocabulary and tying. Notes say where the GPT-layer activation
 * formula of Korthikanti et al. 2022 is only an approximation for this architecture.
 */
export function shapeFromArchitecture(
  name: string,
  arch: Architecture,
): { shape: TransformerShape; notes: string[] } {
  const count = countParams(arch);
  const mla = arch.layers.some((layer) => layer.attention.kind === 'mla');
  const shape: TransformerShape = {
    name,
    params: count.total,
    layers: arch.layers.length,
    hidden: arch.hidden,
    heads: arch.attention.heads,
    vocab: arch.vocab,
    tiedEmbeddings: arch.tiedEmbeddings,
    derived: false,
  };
  if (arch.moe) shape.activeParams = count.active;
  // Megatron-LM splits KV heads (query groups) across TP ranks; MLA has no shared KV heads to split.
  if (!mla && arch.attention.kvHeads !== arch.attention.heads) shape.kvHeads = arch.attention.kvHeads;
  const notes: string[] = [];
  const layout: string[] = [];
  if (arch.attention.kvHeads !== arch.attention.heads && !mla)
    layout.push(`GQA (${arch.attention.kvHeads} KV heads)`);
  if (mla) layout.push('MLA attention');
  if (arch.mlp.gated) layout.push(`a gated MLP (d_ff ${arch.mlp.intermediate})`);
  if (layout.length > 0) {
    notes.push(
      `Activations use the GPT layer of Korthikanti et al. (MHA, 4h MLP); ${name} has ${layout.join(' and ')}, so its real per-layer activations differ somewhat.`,
    );
  }
  if (arch.moe) {
    const { experts, topK, sharedExperts } = arch.moe;
    const shared = sharedExperts > 0 ? ` plus ${sharedExperts} shared` : '';
    notes.push(
      `MoE: every GPU of a stage holds all ${experts} experts (${formatCount(count.total)} parameters in total); compute, step time and MFU count the ${topK} of ${experts} routed experts${shared} each token uses (${formatCount(count.active)} active parameters). Expert parallelism is not modelled, and activations are those of one dense layer.`,
    );
  }
  if (arch.layers.some((layer) => layer.attention.kind === 'mamba')) {
    notes.push('Mamba layers are sized like attention layers here; their activations differ.');
  }
  return { shape, notes };
}
