import { type Document, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Question } from '../schema/corpus-file-schema.js';
import { questionSchema } from '../schema/question-schema.js';
import { TOPIC_IDS, type TopicId } from '../schema/topics.js';
import { type CorpusIssue, pathToField } from './corpus-issue.js';
import { zodIssueMessage } from './zod-issue-message.js';

/** What {@link parseCorpusFile} found: the valid questions and every issue (none means the file is good). */
export interface ParsedCorpusFile {
  /** The file's topic, when it names a valid one. */
  topic: TopicId | undefined;
  /** Questions that passed the schema, in file order; questions with errors are left out. */
  questions: Question[];
  issues: CorpusIssue[];
}

type IssueInit = { [K in 'code' | 'message']: string } & {
  [K in 'question' | 'field']?: string | undefined;
} & { line?: number | undefined };

const fileShell = z.strictObject({
  topic: z.enum(TOPIC_IDS, 'is not a topic id (see TOPICS in @mlsys/corpus)'),
  questions: z.array(z.unknown()).min(1, 'holds no questions'),
});

/**
 * Parses one data file (CORPUS-FORMAT.md): YAML, then the schema question by question, then the
 * file's own rules (file named after its topic, ids starting with the topic id). Pure.
 *
 * @param text - the file's UTF-8 text.
 * @param fileName - the name used in issues, e.g. `data/kv-cache.yaml`.
 * @returns the valid questions and every issue, each naming file, question id, field and line.
 */
export function parseCorpusFile(text: string, fileName: string): ParsedCorpusFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? undefined : lines.linePos(offset).line;
  const issues: CorpusIssue[] = [];
  const add = (issue: IssueInit) =>
    issues.push(withoutUndefined({ severity: 'error', file: fileName, ...issue }));

  for (const error of doc.errors) {
    add({ code: 'yaml', message: `YAML: ${error.message.split('\n')[0]}`, line: lineAt(error.pos[0]) });
  }
  if (doc.errors.length > 0) return { topic: undefined, questions: [], issues };

  const raw: unknown = doc.toJS();
  const shell = fileShell.safeParse(raw);
  if (!shell.success) {
    for (const issue of shell.error.issues) {
      add({
        code: 'schema',
        field: pathToField(issue.path) || undefined,
        message: zodIssueMessage(issue, valueAt(raw, issue.path)),
        line: lineAt(nodeOffset(doc, issue.path)),
      });
    }
    return { topic: topicOf(raw), questions: [], issues };
  }

  const { topic, questions: rawQuestions } = shell.data;
  const base = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.ya?ml$/, '');
  if (base !== topic && !base.startsWith(`${topic}-`)) {
    add({
      code: 'file-name',
      field: 'topic',
      message: `file of topic ${topic} must be named ${topic}[-part].yaml`,
    });
  }

  const questions: Question[] = [];
  rawQuestions.forEach((rawQuestion, index) => {
    const label = questionLabel(rawQuestion, index);
    const result = questionSchema.safeParse(rawQuestion);
    if (!result.success) {
      for (const issue of result.error.issues) {
        add({
          code: 'schema',
          question: label,
          field: pathToField(issue.path) || undefined,
          message: zodIssueMessage(issue, valueAt(rawQuestion, issue.path)),
          line: lineAt(nodeOffset(doc, ['questions', index, ...issue.path])),
        });
      }
      return;
    }
    if (!result.data.id.startsWith(`${topic}-`)) {
      add({
        code: 'id-prefix',
        question: label,
        field: 'id',
        message: `does not start with the topic id "${topic}-"`,
        line: lineAt(nodeOffset(doc, ['questions', index, 'id'])),
      });
      return;
    }
    questions.push({ ...result.data, topic });
  });
  return { topic, questions, issues };
}

function questionLabel(raw: unknown, index: number): string {
  const id = isRecord(raw) ? raw.id : undefined;
  return typeof id === 'string' && id.trim() !== '' ? id : `questions[${index}]`;
}

function topicOf(raw: unknown): TopicId | undefined {
  const topic = isRecord(raw) ? raw.topic : undefined;
  return typeof topic === 'string' && (TOPIC_IDS as readonly string[]).includes(topic)
    ? (topic as TopicId)
    : undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (!isRecord(value) && !Array.isArray(value)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Offset of the deepest node that exists along `path` (a missing field points at its parent). */
function nodeOffset(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] };
    if (node?.range) return node.range[0];
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutUndefined(value: IssueInit & Pick<CorpusIssue, 'severity' | 'file'>): CorpusIssue {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as unknown as CorpusIssue;
}
