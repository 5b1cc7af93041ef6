/**
 * The side-by-side accuracy table of issue 8: our KV-cache and parameter figures, computed live, next to
 * the published ones with their sources and the error.
 */
import { formatInt, formatSig } from '../format/format-number.js';
import { ACCURACY_ROWS, type AccuracyRow } from './accuracy-rows.js';

/** One compared row: our figure and the published one in the row's unit, and the error. */
export interface Compared {
  row: AccuracyRow;
  /** Our figure in the row's unit (GiB, KiB, B, billions of parameters). */
  ours: number;
  /** Ours − published, in the row's unit. */
  absoluteError: number;
  /** (ours − published) / published. */
  relativeError: number;
  /** Whether |relative error| is within the rounding of the published figure. */
  withinRounding: boolean;
}

/** Computes every row of {@link ACCURACY_ROWS} through the calculators. */
export function compareAll(rows: readonly AccuracyRow[] = ACCURACY_ROWS): Compared[] {
  return rows.map((row) => {
    const ours = row.ours() / row.unit.size;
    const absoluteError = ours - row.published;
    const relativeError = absoluteError / row.published;
    return {
      row,
      ours,
      absoluteError,
      relativeError,
      withinRounding: Math.abs(relativeError) <= row.tolerance * (1 + 1e-12),
    };
  });
}

const percent = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(3)}%`;
const signed = (value: number) =>
  value === 0 ? '0' : `${value > 0 ? '+' : '−'}${formatSig(Math.abs(value), 3)}`;

function verdict(tolerance: number, withinRounding: boolean): string {
  if (tolerance === 0) return withinRounding ? 'exact' : 'OUTSIDE (exact figure)';
  return withinRounding ? `within rounding (±${(tolerance * 100).toFixed(3)}%)` : 'OUTSIDE rounding';
}

/** The table as text lines: one line per row, then each row's source and reading as numbered notes. */
export function accuracyTable(compared: readonly Compared[] = compareAll()): string[] {
  const header = ['model', 'quantity', 'published', 'ours', 'abs. error', 'rel. error', 'verdict'];
  const body = compared.map(({ row, ours, absoluteError, relativeError, withinRounding }, i) => [
    row.model,
    row.quantity,
    `${row.stated} [${i + 1}]`,
    `${row.unit.size === 1 ? formatInt(ours) : formatSig(ours, 6)} ${row.unit.name}`,
    `${signed(absoluteError)} ${row.unit.name}`,
    percent(relativeError),
    verdict(row.tolerance, withinRounding),
  ]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((cells) => cells[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const notes = compared.map(({ row, withinRounding }, i) => {
    const parts = [row.source, row.reading, withinRounding ? undefined : row.discrepancy?.why];
    return `  [${i + 1}] ${parts.filter(Boolean).join('; ')}`;
  });
  const outside = compared.filter((c) => !c.withinRounding).length;
  return [
    'accuracy: our figures (computed now, registry configs) next to published ones; "within rounding" = error ≤ half a unit in the published last digit',
    line(header),
    ...body.map(line),
    `${compared.length - outside} of ${compared.length} rows within rounding; ${outside} outside (explained in the notes)`,
    'sources and readings:',
    ...notes,
  ];
}
