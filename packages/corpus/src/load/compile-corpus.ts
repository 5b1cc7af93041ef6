import type { Question } from '../schema/corpus-file-schema.js';
import type { CorpusIssue } from './corpus-issue.js';
import { parseCorpusFile } from './parse-corpus-file.js';

/** A data file handed to {@link compileCorpus}: its name for messages and its text. */
export interface CorpusSource {
  /** e.g. `data/kv-cache.yaml`. */
  name: string;
  text: string;
}

/** The whole corpus as compiled: valid questions (sorted by id) and every issue. */
export interface CompiledCorpus {
  questions: Question[];
  issues: CorpusIssue[];
}

/**
 * Parses every data file and checks what spans files: unique question ids. Every issue here is an
 * error that stops the build. Pure: the caller reads the files.
 *
 * @returns questions sorted by id (a stable order whatever the file layout) and all issues.
 */
export function compileCorpus(sources: readonly CorpusSource[]): CompiledCorpus {
  const issues: CorpusIssue[] = [];
  const firstFile = new Map<string, string>();
  const questions: Question[] = [];
  for (const source of sources) {
    const parsed = parseCorpusFile(source.text, source.name);
    issues.push(...parsed.issues);
    for (const question of parsed.questions) {
      const first = firstFile.get(question.id);
      if (first !== undefined) {
        issues.push({
          severity: 'error',
          code: 'duplicate-id',
          file: source.name,
          question: question.id,
          field: 'id',
          message: `the id is already used in ${first}`,
        });
        continue;
      }
      firstFile.set(question.id, source.name);
      questions.push(question);
    }
  }
  questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { questions, issues };
}
