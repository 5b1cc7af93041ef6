import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuiltinCorpus } from '@mlsys/corpus';
import { describe, expect, it } from 'vitest';
import { runCaptured as run } from '../testing/run-captured.js';

const GOOD = `topic: rag
questions:
  - id: rag-chunk-overlap
    subtopic: chunking
    difficulty: 2
    kind: truefalse
    prompt: Overlapping chunks can keep a sentence that straddles a boundary retrievable.
    answer: true
    explanation: With overlap, a sentence cut at one boundary appears whole in the next chunk.
    source: Fixture.
    tags: [chunking]
`;

describe('mlsys corpus check', () => {
  it('lists errors with file, id and field, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'rag.yaml'), GOOD);
    writeFileSync(join(dir, 'moe.yaml'), GOOD.replace('topic: rag', 'topic: moe'));
    const { code, stdout } = await run('corpus', 'check', '--dir', dir);
    expect(code).toBe(1);
    expect(stdout).toContain('corpus check: 1 valid question(s) in 2 file(s)');
    expect(stdout).toContain(
      '  data/moe.yaml: rag-chunk-overlap: id: does not start with the topic id "moe-" (line 3)',
    );
    expect(stdout).toContain('  topic rag: questions at 1 difficulty level(s) (2); needs at least 3');
    expect(stdout).toContain('  topic rag: 1 of 15 questions');
    expect(stdout).toMatch(/FAILED: \d+ error\(s\)/);
  });

  it('reports as JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
    writeFileSync(join(dir, 'rag.yaml'), GOOD);
    const { stdout } = await run('corpus', 'check', '--dir', dir, '--json');
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ files: 1, questions: 1, ok: false, agreement: [] });
  });

  it('refuses unknown flags with a suggestion', async () => {
    const { code, stderr } = await run('corpus', 'check', '--jsno');
    expect(code).toBe(2);
    expect(stderr).toBe(
      'mlsys: Unknown option --jsno. — Did you mean: --json? — Example: mlsys corpus check [--dir packages/corpus/data] [--json]\n',
    );
  });
});

describe('mlsys question --parametric', () => {
  it('computes a question from a calculator, reproducible from the printed command', async () => {
    const shown = await run('question', '--parametric', '--topic', 'distributed-training', '--seed', '12');
    expect(shown.code).toBe(0);
    const hint = /\(answer: mlsys question (.+)\)/.exec(shown.stdout)![1]!.split(' ');
    const revealed = await run('question', ...hint);
    expect(revealed.stdout.startsWith(shown.stdout.slice(0, shown.stdout.indexOf('(answer:')))).toBe(true);
    expect(revealed.stdout).toContain('Answer · Distributed training');
    const json = JSON.parse(
      (await run('question', '--generator', 'specdec-tokens', '--seed', '3', '--json')).stdout,
    );
    expect(json).toMatchObject({
      seed: 3,
      id: 'speculative-decoding-parametric-specdec-tokens-3',
      kind: 'single',
    });
  });
});

// These read the compiled corpus: run `pnpm --filter @mlsys/corpus build` first (the error says so).
describe('mlsys corpus stats and mlsys question (compiled corpus)', () => {
  it('counts the corpus by topic, difficulty and kind', async () => {
    const { questions } = await loadBuiltinCorpus();
    const { code, stdout } = await run('corpus', 'stats', '--json');
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.total).toBe(questions.length);
    expect(Object.values(stats.byKind).reduce((a: number, b) => a + (b as number), 0)).toBe(questions.length);
    expect(Object.keys(stats)).toEqual(['total', 'byTopic', 'byDifficulty', 'byKind']);
  });

  it('draws the same question from the same seed, and shows one by id', async () => {
    const first = JSON.parse((await run('question', '--seed', '7', '--json')).stdout);
    const again = JSON.parse((await run('question', '--seed', '7', '--json')).stdout);
    expect(again).toEqual(first);
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['seed', 'prompt', 'choices', 'answer', 'explanation']),
    );
    const byId = await run('question', '--id', first.id, '--seed', '7', '--reveal');
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain(first.explanation.trim().split('\n')[0]);
  });

  it('explains bad filters', async () => {
    const topic = await run('question', '--topic', 'kvcache');
    expect(topic.stderr).toBe(
      'mlsys: There is no topic "kvcache". — Did you mean: kv-cache? — Example: kv-cache\n',
    );
    const id = await run('question', '--id', 'no-such-question');
    expect(id.code).toBe(2);
    expect(id.stderr).toMatch(/^mlsys: There is no question with id "no-such-question"\./);
  });
});
