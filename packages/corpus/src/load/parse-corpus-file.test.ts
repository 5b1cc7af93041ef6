import { describe, expect, it } from 'vitest';
import { formatIssue } from './corpus-issue.js';
import { parseCorpusFile } from './parse-corpus-file.js';

// Fixture text only: the numbers restate formulas.md (Llama-3.1-70B, 80 layers, 8 KV heads, head_dim 128).
const GOOD = `topic: kv-cache
questions:
  - id: kv-cache-gqa-savings
    subtopic: gqa
    difficulty: 3
    kind: single
    prompt: |
      Llama-3.1-70B keeps 8 KV heads for 64 query heads. How much smaller is its KV cache than with MHA?
    choices:
      - text: "8x smaller than MHA"
        correct: true
        why: "64 query heads share 8 KV heads: 64/8 = 8."
      - text: "64x smaller than MHA"
        why: "That would be MQA (one KV head)."
    explanation: The cache scales with KV heads, 8 instead of 64.
    source: "Ainslie et al. 2023, GQA, §2; meta-llama/Llama-3.1-70B config.json"
    tags: [gqa, llama]
  - id: kv-cache-llama70b-128k
    subtopic: sizing
    difficulty: 4
    kind: numeric
    prompt: KV cache of Llama-3.1-70B at 131,072 tokens in bf16, in GiB?
    answer: { value: 40, unit: GiB, tolerance: 0.02, partialTolerance: 0.1 }
    checkedBy: { command: kvcache, args: "llama-3.1-70b 131072 dtype=bf16", field: totalBytes, divideBy: 1073741824 }
    explanation: 2 · 80 · 8 · 128 · 2 B = 327,680 B per token; × 131,072 = 40 GiB.
    source: formulas.md
    tags: [sizing]
  - id: kv-cache-mqa-true
    subtopic: mqa
    difficulty: 1
    kind: truefalse
    prompt: MQA keeps one KV head.
    answer: true
    explanation: Multi-query attention shares one K and one V head across all query heads.
    source: Shazeer 2019
    tags: [mqa]
  - id: kv-cache-order
    subtopic: mqa
    difficulty: 2
    kind: ordering
    prompt: Order by KV cache size, smallest first.
    items: [MQA, GQA with 8 groups, MHA]
    explanation: One KV head, then 8, then one per query head.
    source: Ainslie et al. 2023
    tags: [gqa]
`;

describe('parseCorpusFile', () => {
  it('reads a valid file with every kind, attaching the topic', () => {
    const parsed = parseCorpusFile(GOOD, 'data/kv-cache.yaml');
    expect(parsed.issues).toEqual([]);
    expect(parsed.questions.map((q) => [q.id, q.kind, q.topic])).toEqual([
      ['kv-cache-gqa-savings', 'single', 'kv-cache'],
      ['kv-cache-llama70b-128k', 'numeric', 'kv-cache'],
      ['kv-cache-mqa-true', 'truefalse', 'kv-cache'],
      ['kv-cache-order', 'ordering', 'kv-cache'],
    ]);
    const first = parsed.questions[0]!;
    expect(first.kind === 'single' && first.choices[1]!.correct).toBe(false);
    expect(first.prompt.endsWith('?')).toBe(true);
  });

  const edit = (from: string, to: string) => {
    if (!GOOD.includes(from)) throw new Error(`fixture has no "${from}"`);
    return GOOD.replace(from, to);
  };

  it.each([
    [
      'a choice over 75 characters',
      edit('"64x smaller than MHA"', `"${'x'.repeat(76)}"`),
      'data/kv-cache.yaml: kv-cache-gqa-savings: choices[1].text: longer than 75 characters (line 13)',
    ],
    [
      'two correct choices in a single',
      edit('why: "That would be MQA (one KV head)."', 'why: "MQA."\n        correct: true'),
      'data/kv-cache.yaml: kv-cache-gqa-savings: choices: kind single needs exactly one correct choice, found 2 (use kind multi) (line 10)',
    ],
    [
      'duplicate choice text',
      edit('"64x smaller than MHA"', '"8X smaller  than MHA"'),
      'data/kv-cache.yaml: kv-cache-gqa-savings: choices[1].text: same text as choices[0] (line 13)',
    ],
    [
      'a positional choice',
      edit('"64x smaller than MHA"', '"None of the above"'),
      'data/kv-cache.yaml: kv-cache-gqa-savings: choices[1].text: refers to other choices by position; the bot shuffles choices (line 13)',
    ],
    [
      'a missing explanation',
      edit('    explanation: One KV head, then 8, then one per query head.\n', ''),
      'data/kv-cache.yaml: kv-cache-order: explanation: is missing (line 37)',
    ],
    [
      'an unknown kind',
      edit('kind: truefalse', 'kind: yesno'),
      'data/kv-cache.yaml: kv-cache-mqa-true: kind: must be one of single, multi, truefalse, numeric, ordering (line 31)',
    ],
    [
      'a misspelt field',
      edit('tags: [mqa]', 'tags: [mqa]\n    explaination: typo'),
      'data/kv-cache.yaml: kv-cache-mqa-true: unknown field "explaination" (line 28)',
    ],
    [
      'a relative tolerance given in percent',
      edit('tolerance: 0.02', 'tolerance: 2'),
      [
        'data/kv-cache.yaml: kv-cache-llama70b-128k: answer.tolerance: is a relative tolerance: 0.02 means ±2%, so it is at most 1 (line 23)',
        'data/kv-cache.yaml: kv-cache-llama70b-128k: answer.partialTolerance: is smaller than tolerance (line 23)',
      ],
    ],
    [
      'an unknown calculator',
      edit('command: kvcache', 'command: kv'),
      'data/kv-cache.yaml: kv-cache-llama70b-128k: checkedBy.command: is not a calculator command (kvcache, moe, chinchilla, parallel, specdec) (line 24)',
    ],
    [
      'a difficulty out of range',
      edit('difficulty: 1', 'difficulty: 6'),
      'data/kv-cache.yaml: kv-cache-mqa-true: difficulty: is not a difficulty level 1..5 (line 30)',
    ],
    [
      'an ordering with two items',
      edit('items: [MQA, GQA with 8 groups, MHA]', 'items: [MQA, MHA]'),
      'data/kv-cache.yaml: kv-cache-order: items: needs 3 to 6 items (line 42)',
    ],
    [
      'truefalse answered with text',
      edit('answer: true', 'answer: "yes"'),
      'data/kv-cache.yaml: kv-cache-mqa-true: answer: expected true or false, got text "yes" (line 33)',
    ],
    [
      'an id outside the topic',
      edit('id: kv-cache-order', 'id: attention-order'),
      'data/kv-cache.yaml: attention-order: id: does not start with the topic id "kv-cache-" (line 37)',
    ],
    [
      'a prompt over 600 characters',
      edit('prompt: MQA keeps one KV head.', `prompt: ${'word '.repeat(121)}`),
      'data/kv-cache.yaml: kv-cache-mqa-true: prompt: longer than 600 characters (line 32)',
    ],
  ])('names file, id and field for %s', (_case, text, expected) => {
    const parsed = parseCorpusFile(text, 'data/kv-cache.yaml');
    expect(parsed.issues.map(formatIssue)).toEqual(Array.isArray(expected) ? expected : [expected]);
    expect(parsed.questions).toHaveLength(3);
  });

  it.each([
    ['bad YAML', 'topic: kv-cache\nquestions:\n  - id: [x\n', 'data/kv-cache.yaml: YAML: '],
    [
      'a duplicate key',
      'topic: kv-cache\ntopic: moe\nquestions: []\n',
      'data/kv-cache.yaml: YAML: Map keys must be unique',
    ],
    ['an unknown topic', 'topic: kv\nquestions: [{}]\n', 'data/kv-cache.yaml: topic: is not a topic id'],
    ['an empty file', '', 'data/kv-cache.yaml: expected a mapping, got nothing (null)'],
    ['no questions', 'topic: kv-cache\nquestions: []\n', 'data/kv-cache.yaml: questions: holds no questions'],
  ])('reports %s at file level', (_case, text, start) => {
    const parsed = parseCorpusFile(text, 'data/kv-cache.yaml');
    expect(parsed.questions).toEqual([]);
    expect(parsed.issues.map(formatIssue)[0]).toMatch(new RegExp(`^${escapeRegExp(start)}`));
  });

  it('refuses a file not named after its topic', () => {
    const parsed = parseCorpusFile(GOOD, 'data/attention.yaml');
    expect(parsed.issues.map(formatIssue)).toEqual([
      'data/attention.yaml: topic: file of topic kv-cache must be named kv-cache[-part].yaml',
    ]);
    expect(parseCorpusFile(GOOD, 'data/kv-cache-2.yaml').issues).toEqual([]);
  });

  it('keeps the valid questions of a file with one bad question', () => {
    const parsed = parseCorpusFile(GOOD.replace('difficulty: 3', 'difficulty: 0'), 'data/kv-cache.yaml');
    expect(parsed.questions.map((q) => q.id)).not.toContain('kv-cache-gqa-savings');
    expect(parsed.questions).toHaveLength(3);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
