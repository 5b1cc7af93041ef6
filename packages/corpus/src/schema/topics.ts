import { closestNames, UserError } from '@mlsys/errors';

/**
 * The topics of the corpus: one data file (or several `<id>-<part>.yaml`) per topic, with the number
 * of questions each topic aims for. Ids and targets are fixed by CORPUS-FORMAT.md (total 479).
 */
export const TOPICS = [
  { id: 'attention', name: 'Attention', target: 40 },
  { id: 'flash-attention', name: 'FlashAttention', target: 15 },
  { id: 'kv-cache', name: 'KV cache', target: 25 },
  { id: 'inference-performance', name: 'Inference performance', target: 20 },
  { id: 'positional-encoding', name: 'Positional encoding', target: 18 },
  { id: 'normalization', name: 'Normalization', target: 15 },
  { id: 'activations', name: 'Activations', target: 10 },
  { id: 'tokenization', name: 'Tokenization', target: 15 },
  { id: 'decoding', name: 'Decoding', target: 15 },
  { id: 'speculative-decoding', name: 'Speculative decoding', target: 12 },
  { id: 'moe', name: 'Mixture of experts', target: 22 },
  { id: 'distributed-training', name: 'Distributed training', target: 35 },
  { id: 'scaling-laws', name: 'Scaling laws', target: 18 },
  { id: 'quantization', name: 'Quantization', target: 22 },
  { id: 'peft', name: 'Parameter-efficient fine-tuning', target: 15 },
  { id: 'post-training', name: 'Post-training', target: 28 },
  { id: 'serving', name: 'Serving', target: 20 },
  { id: 'long-context', name: 'Long context', target: 10 },
  { id: 'ssm-hybrids', name: 'SSMs and hybrids', target: 12 },
  { id: 'evaluation', name: 'Evaluation', target: 15 },
  { id: 'rag', name: 'Retrieval-augmented generation', target: 15 },
  { id: 'multimodal', name: 'Multimodal', target: 12 },
  { id: 'classic-ml', name: 'Classic ML', target: 40 },
  { id: 'deep-learning', name: 'Deep learning', target: 30 },
] as const satisfies readonly { id: string; name: string; target: number }[];

/** A topic id such as `kv-cache`. */
export type TopicId = (typeof TOPICS)[number]['id'];

/** A topic with its display name and target question count. */
export type Topic = (typeof TOPICS)[number];

/** Every topic id, in the order of {@link TOPICS}. */
export const TOPIC_IDS = TOPICS.map((topic) => topic.id) as [TopicId, ...TopicId[]];

const byId = new Map<string, Topic>(TOPICS.map((topic) => [topic.id, topic]));

/** True when `value` is a topic id. */
export function isTopicId(value: string): value is TopicId {
  return byId.has(value);
}

/** The topic with id `id`. */
export function topicById(id: TopicId): Topic {
  return byId.get(id)!;
}

/**
 * Reads a topic id typed by a user: case-insensitive, spaces and underscores taken as dashes.
 *
 * @throws UserError `corpus/unknown-topic` with close matches when no topic has that id.
 */
export function parseTopic(raw: string): TopicId {
  const id = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (isTopicId(id)) return id;
  throw new UserError('corpus/unknown-topic', `There is no topic "${raw}".`, {
    suggestions: closestNames(id, TOPIC_IDS),
    example: 'kv-cache',
  });
}
