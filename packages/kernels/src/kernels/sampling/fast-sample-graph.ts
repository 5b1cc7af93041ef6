/**
 * The sampling step without sorting the vocabulary (top-k off): the nucleus as in
 * `nucleus-graphs.ts`, then the sampled token as a second mass crossing — the first token, most
 * likely first, whose cumulative probability exceeds `u · kept mass` — found the same way, with the
 * same clamp to the last kept token as the full-sort graph. An `If` falls back to the full sort
 * when a crossing might lie past the candidates.
 *
 * @module
 */

import type { GraphBuilder } from '../../onnx/graph-builder.js';
import {
  addCandidates,
  addMassThreshold,
  addRowMass3d,
  type Candidates,
  graphConstants,
  type MassThreshold,
  type RowMass,
} from './mass-threshold.js';
import { addNucleusFromCandidates, searchSize } from './nucleus-graphs.js';

/** The fast path's token per row and whether any row needs the full sort. */
export interface FastSample {
  /** `[rows, 1]` int64 token ids. */
  token: string;
  /** `[rows, 1]` bool. */
  invalid: string;
}

/**
 * The token sampled from each row by draw `u` (`[rows, 1]`) after top-p with `p` (`[1]`), or with
 * no top-p when `topP` is false (every token kept).
 */
export function addFastSample(
  g: GraphBuilder,
  row: RowMass,
  settings: { p: string; u: string; topP: boolean; vocab: number },
): FastSample {
  const c = graphConstants(g, 'sample');
  const int = (name: string, value: number) => c.constant(`int_${name}`, 'int64', [1], [value]);
  // Rank order is logit descending, index ascending: the last token is the smallest logit's last index.
  const lastOfRow = g.node('ArgMin', [row.z], { axis: -1, keepdims: 1, select_last_index: 1 });
  const size = searchSize(settings.vocab);
  let keptMass = row.total;
  let lastKept = lastOfRow;
  let invalid: string | undefined;
  let found: MassThreshold;
  let candidates: Candidates;
  let target: string;
  if (settings.topP) {
    // Both searches in one pass per step: the nucleus (mass < p) and the draw. The draw's true target
    // u·M needs the kept mass M, known only afterwards; M ≥ min(p, Σq) up to float rounding, so a
    // threshold whose mass is below u·min(p, Σq)·(1 − 10⁻⁵) is below u·M too.
    const rowP = g.node('Expand', [settings.p, g.node('Shape', [row.total])]); // [rows, 1]
    const lower = g.node('Mul', [
      g.node('Min', [rowP, row.total]),
      c.constant('shrink', 'float32', [], [1 - 1e-5]),
    ]);
    const targets = g.node('Concat', [rowP, g.node('Mul', [settings.u, lower])], { axis: 1 }); // [rows, 2]
    const row3 = addRowMass3d(g, row, 'sample_joint');
    const both = addMassThreshold(g, row3, g.node('Unsqueeze', [targets, int('last', 2)]), {
      iterations: size.iterations,
      orEqual: false,
      prefix: 'sample_joint',
    });
    const all = addCandidates(g, row3, both.threshold, size.candidates, 'sample_joint_candidates');
    const pick = (value: string, index: 0 | 1) =>
      g.node('Gather', [value, c.constant(`search_${index}`, 'int64', [], [index])], { axis: 1 });
    const split = (index: 0 | 1): [MassThreshold, Candidates] => [
      { threshold: pick(both.threshold, index), mass: pick(both.mass, index) },
      {
        above: '',
        values: pick(all.values, index),
        indices: pick(all.indices, index),
        probs: pick(all.probs, index),
        real: pick(all.real, index),
      },
    ];
    const [nucleusFound, nucleusCandidates] = split(0);
    const nucleus = addNucleusFromCandidates(
      g,
      nucleusFound,
      nucleusCandidates,
      settings.p,
      settings.vocab,
      'sample_nucleus',
    );
    [found, candidates] = split(1);
    keptMass = nucleus.keptMass;
    invalid = nucleus.invalid;
    const keptCount = g.node('ReduceSum', [g.node('Cast', [nucleus.keptCandidates], { to: 7 }), c.lastAxes], {
      keepdims: 1,
    });
    const lastSlot = g.node('Max', [g.node('Sub', [keptCount, int('one', 1)]), int('zero', 0)]);
    const lastCandidate = g.node('GatherElements', [nucleus.candidates.indices, lastSlot], { axis: -1 });
    // No kept candidate: every token is above the threshold, so the row's last token is the last kept.
    const anyKept = g.node('Greater', [keptCount, int('none', 0)]);
    lastKept = g.node('Where', [anyKept, lastCandidate, lastOfRow]);
    target = g.node('Mul', [settings.u, keptMass]);
  } else {
    target = g.node('Mul', [settings.u, keptMass]);
    found = addMassThreshold(g, row, target, {
      iterations: size.iterations,
      orEqual: true,
      prefix: 'sample_draw',
    });
    candidates = addCandidates(g, row, found.threshold, size.candidates, 'sample_draw_candidates');
  }
  const realProbs = g.node('Where', [candidates.real, candidates.probs, c.zero]);
  const through = g.node('Add', [found.mass, g.node('CumSum', [realProbs, c.lastAxis])]);
  // Position = number of real candidates whose cumulative mass is still ≤ the target.
  const passed = g.node('And', [candidates.real, g.node('LessOrEqual', [through, target])]);
  const position = g.node('ReduceSum', [g.node('Cast', [passed], { to: 7 }), c.lastAxes], { keepdims: 1 });
  const slot = g.node('Min', [position, int('last_slot', size.candidates - 1)]);
  const chosen = g.node('GatherElements', [candidates.indices, slot], { axis: -1 });
  const chosenLogit = g.node('GatherElements', [candidates.values, slot], { axis: -1 });
  const chosenReal = g.node('GatherElements', [g.node('Cast', [candidates.real], { to: 7 }), slot], {
    axis: -1,
  });

  // Use the last kept token when the draw lands past the candidates' end of the row (rounding), at or
  // past the kept mass, or on a token ranked after the last kept one.
  const lastLogit = g.node('GatherElements', [row.z, lastKept], { axis: -1 });
  const after = g.node('Or', [
    g.node('Less', [chosenLogit, lastLogit]),
    g.node('And', [g.node('Equal', [chosenLogit, lastLogit]), g.node('Greater', [chosen, lastKept])]),
  ]);
  const ranOut = g.node('Or', [
    g.node('Equal', [chosenReal, int('unreal', 0)]),
    g.node('GreaterOrEqual', [position, int('slots', size.candidates)]),
  ]);
  const useLast = g.node('Or', [g.node('Or', [ranOut, after]), g.node('GreaterOrEqual', [target, keptMass])]);
  const token = g.node('Where', [useLast, lastKept, chosen]);

  // Past the last slot with more tokens below the threshold, the crossing was not among the candidates.
  if (size.candidates < settings.vocab) {
    const beyond = g.node('GreaterOrEqual', [position, int('all_slots', size.candidates)]);
    invalid = invalid ? g.node('Or', [invalid, beyond]) : beyond;
  }
  return { token, invalid: invalid ?? g.node('Less', [keptMass, c.zero]) };
}
