import { tableToPlainText } from '@mlsys/core';
import {
  corpusStats,
  DIFFICULTIES,
  loadBuiltinCorpus,
  type TopicCoverage,
  topicCoverage,
} from '@mlsys/corpus';
import { parseFlags } from './corpus-flags.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys corpus stats [--json]';

/**
 * `mlsys corpus stats`: counts of the compiled corpus by topic (against targets), difficulty and kind.
 * `--json` prints `{ total, byTopic, byDifficulty, byKind }`.
 */
export const corpusStatsExtra: CliExtra = {
  path: ['corpus', 'stats'],
  summary: 'Question counts by topic (vs target), difficulty and kind; --json for scripts',
  async run(args, out) {
    const flags = parseFlags(args, { json: 'boolean' }, USAGE);
    const corpus = await loadBuiltinCorpus();
    const stats = corpusStats(corpus.questions);
    if (flags.json) {
      out.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
      return 0;
    }
    const levels = DIFFICULTIES.map((d) => `${d.level} ${d.name}: ${stats.byDifficulty[String(d.level)]}`);
    const kinds = Object.entries(stats.byKind).map(([kind, count]) => `${kind}: ${count}`);
    const target = topicCoverage([]).reduce((sum, entry) => sum + entry.target, 0);
    out.stdout.write(
      [
        `${stats.total} questions (target ${target})`,
        '',
        coverageTable(topicCoverage(corpus.questions)),
        '',
        `By difficulty: ${levels.join(', ')}`,
        `By kind: ${kinds.join(', ')}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

/** Topic coverage as an aligned table: count / target, levels present, kinds. */
export function coverageTable(coverage: readonly TopicCoverage[]): string {
  return tableToPlainText(
    [
      { title: 'topic' },
      { title: 'count', align: 'right' },
      { title: 'target', align: 'right' },
      { title: 'levels' },
      { title: 'kinds' },
    ],
    coverage.map((entry) => [
      entry.topic,
      String(entry.count),
      String(entry.target),
      entry.difficulties.join(' '),
      Object.entries(entry.kinds)
        .map(([kind, count]) => `${kind} ${count}`)
        .join(', '),
    ]),
  );
}
