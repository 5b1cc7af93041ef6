import type { Question } from '@mlsys/corpus';
import type { Router } from '../router/router.js';

/** How one numeric question compared with the calculator named in its `checkedBy`. */
export interface AgreementResult {
  id: string;
  /** `agrees`: within the question's tolerance; `disagrees`: outside it; `failed`: no number to compare. */
  status: 'agrees' | 'disagrees' | 'failed';
  /** The calculator call, e.g. `kvcache llama-3.1-70b 131072 dtype=bf16`. */
  call: string;
  expected: number;
  /** `data[field] / divideBy`, when the call gave a number. */
  actual?: number;
  /** One line a corpus author can act on. */
  message: string;
}

/**
 * Runs the calculator command of every numeric question that declares `checkedBy`, through the same
 * router the bots use, and compares `data[field] / divideBy` with `answer.value` within the question's
 * relative `tolerance`. `field` may be a dotted path into nested data (`perGpu.bytes`).
 *
 * @param questions - the questions to check; those without `checkedBy` are skipped.
 * @param router - a router over the calculator commands (e.g. `createRouter({ commands: allCommands, … })`).
 * @returns one result per checked question, in the given order.
 */
export async function checkCalculatorAgreement(
  questions: readonly Question[],
  router: Pick<Router, 'dispatch'>,
): Promise<AgreementResult[]> {
  const results: AgreementResult[] = [];
  for (const question of questions) {
    if (question.kind !== 'numeric' || question.checkedBy === undefined) continue;
    const { command, args, field, divideBy = 1 } = question.checkedBy;
    const { value: expected, unit, tolerance } = question.answer;
    const call = `${command} ${args}`;
    const base = { id: question.id, call, expected };
    const { status, reply } = await router.dispatch({
      platform: 'cli',
      command,
      text: args,
      user: { id: 'corpus-check', name: 'corpus-check', isAdmin: false },
      channel: { id: 'corpus-check' },
      team: { id: 'corpus-check' },
    });
    if (status !== 'ok') {
      const why = reply.fallbackText.replaceAll('\n', ' — ');
      results.push({ ...base, status: 'failed', message: `${call} did not run (${status}): ${why}` });
      continue;
    }
    const raw = readField(reply.data, field);
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      results.push({ ...base, status: 'failed', message: `${call} gave no number at data.${field}` });
      continue;
    }
    const actual = raw / divideBy;
    const scale = expected === 0 ? 1 : Math.abs(expected);
    const off = Math.abs(actual - expected) / scale;
    const agrees = off <= tolerance * (1 + 1e-12);
    const shown = `data.${field}${divideBy === 1 ? '' : ` / ${divideBy}`} = ${actual.toPrecision(6)}`;
    results.push({
      ...base,
      status: agrees ? 'agrees' : 'disagrees',
      actual,
      message: `${call}: ${shown} vs answer ${expected} ${unit} (off by ${(off * 100).toPrecision(3)}%, tolerance ±${tolerance * 100}%)`,
    });
  }
  return results;
}

function readField(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
