import {
  type AgreementResult,
  allCommands,
  checkCalculatorAgreement,
  createRouter,
  systemClock,
  systemRandom,
} from '@mlsys/core';
import {
  type CorpusIssue,
  checkCorpus,
  compileCorpus,
  formatIssue,
  sortIssues,
  topicCoverage,
} from '@mlsys/corpus';
import { corpusDataDir, readCorpusDir } from './corpus-data-dir.js';
import { parseFlags } from './corpus-flags.js';
import { coverageTable } from './corpus-stats.js';
import type { CliExtra } from './index.js';

const USAGE = 'mlsys corpus check [--dir packages/corpus/data] [--json]';

/**
 * `mlsys corpus check`: validates the YAML data files (schema, unique ids), runs the corpus checks
 * (near-duplicate prompts, difficulty spread, targets) and the calculator agreement of every
 * `checkedBy`. Exit 1 when there are errors or disagreements, 0 otherwise (warnings do not fail).
 */
export const corpusCheckExtra: CliExtra = {
  path: ['corpus', 'check'],
  summary: 'Validate data/*.yaml: schema, ids, near-duplicates, coverage, calculator agreement',
  async run(args, out) {
    const flags = parseFlags(args, { dir: 'string', json: 'boolean' }, USAGE);
    const sources = readCorpusDir(flags.dir ?? corpusDataDir());
    const { questions, issues: compileIssues } = compileCorpus(sources);
    const issues = sortIssues([...compileIssues, ...checkCorpus(questions)]);
    const router = createRouter({
      commands: allCommands,
      services: { clock: systemClock, random: systemRandom },
    });
    const agreement = await checkCalculatorAgreement(questions, router);
    const errors = issues.filter((issue) => issue.severity === 'error');
    const unsettled = agreement.filter((result) => result.status !== 'agrees');
    const failed = errors.length > 0 || unsettled.length > 0;

    if (flags.json) {
      const report = { files: sources.length, questions: questions.length, ok: !failed, issues, agreement };
      out.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return failed ? 1 : 0;
    }
    const lines = [`corpus check: ${questions.length} valid question(s) in ${sources.length} file(s)`];
    section(lines, 'Errors', errors);
    section(
      lines,
      'Warnings',
      issues.filter((issue) => issue.severity === 'warning'),
    );
    agreementSection(lines, agreement);
    lines.push(
      '',
      'Coverage (count / target, difficulty levels, kinds):',
      coverageTable(topicCoverage(questions)),
    );
    lines.push(
      '',
      failed
        ? `FAILED: ${errors.length} error(s), ${unsettled.length} calculator check(s) not agreeing.`
        : 'OK: no errors.',
    );
    out.stdout.write(`${lines.join('\n')}\n`);
    return failed ? 1 : 0;
  },
};

function section(lines: string[], title: string, issues: readonly CorpusIssue[]): void {
  if (issues.length === 0) return;
  lines.push('', `${title} (${issues.length}):`, ...issues.map((issue) => `  ${formatIssue(issue)}`));
}

function agreementSection(lines: string[], results: readonly AgreementResult[]): void {
  const agreeing = results.filter((result) => result.status === 'agrees').length;
  lines.push('', `Calculator agreement: ${results.length} checked, ${agreeing} agree.`);
  for (const result of results) {
    if (result.status !== 'agrees') lines.push(`  ${result.id}: ${result.status}: ${result.message}`);
  }
}
