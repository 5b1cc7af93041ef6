/**
 * Top-p without sorting the vocabulary (see `mass-threshold.ts`): the tokens above a logit threshold
 * are kept outright, the crossing of `p` is found among a few hundred sorted candidates below it,
 * and an `If` falls back to the full sort for any batch in which a row's nucleus might run past
 * those candidates. Both branches apply the same rule as the full-sort graph and the reference:
 * keep rank `j` while the mass ranked before it is `< p`.
 *
 * @module
 */

import { attr, type GraphBuilder } from '../../onnx/graph-builder.js';
import {
  addCandidates,
  addMassThreshold,
  type Candidates,
  graphConstants,
  type MassThreshold,
  type RowMass,
} from './mass-threshold.js';

/** How hard the search works before it sorts candidates: threshold steps and candidate count. */
export interface SearchSize {
  iterations: number;
  candidates: number;
}

/**
 * Steps and candidates for a vocabulary. On the bench rows (16 × 128,256 logits drawn from
 * N(0, 2²), p = 0.9 and 0.5) 8 steps left the threshold up to 870 ranks from the crossing, 10 steps
 * at most 8; 128 candidates leave a wide margin and `TopK(128)` costs little. Never more
 * candidates than tokens.
 */
export function searchSize(vocab: number): SearchSize {
  return { iterations: 10, candidates: Math.min(128, vocab) };
}

/** The nucleus of each row, found with a threshold and candidates. */
export interface FastNucleus {
  /** `[rows, 1]`: every token with a logit above it is kept. */
  threshold: string;
  candidates: Candidates;
  /** `[rows, count]` bool: the candidates that are kept too (a prefix of the real ones). */
  keptCandidates: string;
  /** `[rows, 1]`: the kept probability mass (the renormaliser). */
  keptMass: string;
  /** `[rows, 1]` bool: the nucleus may continue past the last candidate; use the full sort. */
  invalid: string;
}

/** The nucleus of every row of `row` for `p` (`[1]` float32). */
export function addFastNucleus(
  g: GraphBuilder,
  row: RowMass,
  p: string,
  vocab: number,
  prefix: string,
): FastNucleus {
  const size = searchSize(vocab);
  const found = addMassThreshold(g, row, p, {
    iterations: size.iterations,
    orEqual: false,
    prefix: `${prefix}_search`,
  });
  const candidates = addCandidates(g, row, found.threshold, size.candidates, `${prefix}_candidates`);
  return addNucleusFromCandidates(g, found, candidates, p, vocab, prefix);
}

/**
 * The nucleus given a threshold whose mass above is `< p` and the candidates below it: keep the
 * candidates while the mass ranked before them is `< p`.
 */
export function addNucleusFromCandidates(
  g: GraphBuilder,
  found: MassThreshold,
  candidates: Candidates,
  p: string,
  vocab: number,
  prefix: string,
): FastNucleus {
  const count = searchSize(vocab).candidates;
  const c = graphConstants(g, prefix);
  const realProbs = g.node('Where', [candidates.real, candidates.probs, c.zero]);
  const before = g.node('Add', [found.mass, g.node('CumSum', [realProbs, c.lastAxis], { exclusive: 1 })]);
  const keptCandidates = g.node('And', [candidates.real, g.node('Less', [before, p])]);
  const keptOfCandidates = g.node('Where', [keptCandidates, candidates.probs, c.zero]);
  const keptMass = g.node('Add', [
    found.mass,
    g.node('ReduceSum', [keptOfCandidates, c.lastAxes], { keepdims: 1 }),
  ]);
  const invalid =
    count < vocab
      ? g.node('Slice', [
          keptCandidates,
          c.constant('last_start', 'int64', [1], [-1]),
          c.constant('last_end', 'int64', [1], [count]),
          c.lastAxes,
        ])
      : g.node('Less', [keptMass, c.zero]); // never: every token is above the threshold or a candidate
  return { threshold: found.threshold, candidates, keptCandidates, keptMass, invalid };
}

/** One bool scalar: whether any row of `invalid` (`[rows, 1]` bool) is true. */
export function addAnyRow(g: GraphBuilder, invalid: string): string {
  const asFloat = g.node('Cast', [invalid], { to: 1 }); // 1 = FLOAT
  return g.node('Cast', [g.node('ReduceMax', [asFloat], { keepdims: 0 })], { to: 9 }); // 9 = BOOL
}

/**
 * Dense renormalised probabilities `[rows, vocab]` of the nucleus: `q / kept mass` for the tokens
 * above the threshold and the kept candidates, 0 elsewhere.
 */
export function addNucleusDense(g: GraphBuilder, row: RowMass, nucleus: FastNucleus, prefix: string): string {
  const c = graphConstants(g, prefix);
  const base = g.node('Mul', [nucleus.candidates.above, g.node('Div', [row.q, nucleus.keptMass])]);
  // Padding slots (no real candidate) point at tokens above the threshold: write their value again.
  const write = g.node('Or', [nucleus.keptCandidates, g.node('Not', [nucleus.candidates.real])]);
  const updates = g.node('Div', [
    g.node('Where', [write, nucleus.candidates.probs, c.zero]),
    nucleus.keptMass,
  ]);
  return g.node('ScatterElements', [base, nucleus.candidates.indices, updates], { axis: -1 });
}

/**
 * `If(useFallback)`: the value `fallback` builds in its branch, else the one `fast` builds; both
 * branches get the same output type and shape.
 */
export function addFallback(
  g: GraphBuilder,
  useFallback: string,
  output: { dtype: 'float32' | 'int64'; shape: (string | number)[]; prefix: string },
  fallback: (branch: GraphBuilder) => string,
  fast: (branch: GraphBuilder) => string,
): string {
  const branch = (name: string, body: (branch: GraphBuilder) => string) => {
    const sub = g.subgraph(`${output.prefix}_${name}`);
    sub.output(sub.node('Identity', [body(sub)]), output.dtype, output.shape);
    return attr.graph(sub);
  };
  return g.node('If', [useFallback], {
    then_branch: branch('full_sort', fallback),
    else_branch: branch('candidates', fast),
  });
}
