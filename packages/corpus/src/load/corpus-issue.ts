/**
 * A problem found in the corpus: where it is (file, question, field, line) and what is wrong.
 * Errors stop the build; warnings are reported and left to the authors.
 */
export interface CorpusIssue {
  severity: 'error' | 'warning';
  /** Stable code for tests and scripts, e.g. `schema`, `yaml`, `duplicate-id`, `near-duplicate`. */
  code: string;
  /** The data file as named to the loader, e.g. `data/kv-cache.yaml`; absent for corpus-wide issues. */
  file?: string;
  /** The topic, for issues about a whole topic (coverage). */
  topic?: string;
  /** The question's id, or `questions[3]` when that question has no usable id. */
  question?: string;
  /** The field inside the question (or file), e.g. `choices[2].text`. */
  field?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** What is wrong, e.g. `longer than 75 characters`. */
  message: string;
}

/**
 * One issue as one line: `data/kv-cache.yaml: kv-cache-gqa-savings: choices[2].text: longer than 75
 * characters (line 14)`. Parts that are unknown are left out.
 */
export function formatIssue(issue: CorpusIssue): string {
  const topic = issue.topic === undefined ? undefined : `topic ${issue.topic}`;
  const where = [issue.file, topic, issue.question, issue.field].filter((part) => part !== undefined);
  const line = issue.line === undefined ? '' : ` (line ${issue.line})`;
  return `${[...where, issue.message].join(': ')}${line}`;
}

/** A path such as `['choices', 2, 'text']` as `choices[2].text`. */
export function pathToField(path: readonly PropertyKey[]): string {
  let field = '';
  for (const key of path) {
    if (typeof key === 'number') field += `[${key}]`;
    else field += field === '' ? String(key) : `.${String(key)}`;
  }
  return field;
}

/** Errors first; within each, file issues by file and line, then corpus-wide issues in their given order. */
export function sortIssues(issues: readonly CorpusIssue[]): CorpusIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
      (a.file === undefined ? 1 : 0) - (b.file === undefined ? 1 : 0) ||
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}
