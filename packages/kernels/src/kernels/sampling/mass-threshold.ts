/**
 * Finding where the probability mass of a row, taken from the most likely token down, crosses a
 * target — without sorting the row. Top-p and the sampling step both ask this question ("which
 * token is the first whose prefix mass reaches p?", "… exceeds u?"); a full `TopK` sort of a
 * 128k vocabulary answers it but costs far more than the few passes used here:
 *
 * 1. a logit threshold `t` with `massAbove(t) = Σ_{z_i > t} q_i` just below the target, found by
 *    regula falsi (Illinois variant) on `[min z − 1, max z]`, one pass over the row per step;
 * 2. the `count` largest logits `≤ t`, in rank order (`TopK` on the row with the tokens above `t`
 *    masked to −∞): the crossing lies among them when the threshold came close enough.
 *
 * Exactness does not depend on the search converging: every token above `t` ranks before every
 * candidate (ties included, as all tokens equal to a candidate's logit are `≤ t`), `t` is only
 * accepted after its mass was computed, and the callers check that the crossing happened inside the
 * candidate list (else they fall back to the full sort).
 *
 * @module
 */

import type { GraphBuilder } from '../../onnx/graph-builder.js';

/** Per-row statistics the search starts from, all `[rows, 1]` except `z` and `q` (`[rows, vocab]`). */
export interface RowMass {
  /** Logits: the rank order (largest first, lower index first among ties). */
  z: string;
  /** Probabilities of the tokens (any non-negative weights; their order follows `z`). */
  q: string;
  minZ: string;
  maxZ: string;
  /** `Σ q` over the row. */
  total: string;
  /** In the 3-D form: `q` as `[rows, vocab]`. */
  rowsQ?: string;
}

/** A threshold and the mass strictly above it, both `[rows, 1]`. */
export interface MassThreshold {
  threshold: string;
  mass: string;
}

/** The candidates below a threshold, in rank order: each `[rows, count]` but `above`. */
export interface Candidates {
  /** `[rows, vocab]` float32: 1 for the tokens above the threshold, else 0. */
  above: string;
  /** Logits (−1e30 padding where the row has fewer than `count` tokens below the threshold). */
  values: string;
  /** Token ids (int64). */
  indices: string;
  /** The probabilities `q` of those tokens. */
  probs: string;
  /** True where the slot holds a real candidate (its logit is `≤` the threshold, not padding). */
  real: string;
}

/**
 * Constants for the ops of one search, named `prefix_…` and added to the graph on first use (an
 * unused initializer only earns a warning from onnxruntime).
 */
export function graphConstants(g: GraphBuilder, prefix: string) {
  const made = new Map<string, string>();
  const constant = (name: string, dtype: 'float32' | 'int64', dims: number[], data: number[]) => {
    const existing = made.get(name);
    if (existing) return existing;
    const created = g.constant(`${prefix}_${name}`, dtype, dims, data);
    made.set(name, created);
    return created;
  };
  return {
    get lastAxes() {
      return constant('last_axes', 'int64', [1], [-1]);
    },
    get lastAxis() {
      return constant('last_axis', 'int64', [], [-1]);
    },
    get zero() {
      return constant('zero', 'float32', [], [0]);
    },
    get one() {
      return constant('one', 'float32', [], [1]);
    },
    get half() {
      return constant('half', 'float32', [], [0.5]);
    },
    constant,
  };
}

/** `[min z, max z, Σ q]` of each row, for {@link RowMass}. */
export function addRowMass(g: GraphBuilder, z: string, q: string, prefix: string): RowMass {
  const { lastAxes } = graphConstants(g, `${prefix}_stats`);
  return {
    z,
    q,
    minZ: g.node('ReduceMin', [z, lastAxes], { keepdims: 1 }),
    maxZ: g.node('ReduceMax', [z, lastAxes], { keepdims: 1 }),
    total: g.node('ReduceSum', [q, lastAxes], { keepdims: 1 }),
  };
}

/**
 * `row` with a middle axis of 1 (`z`, `q` → `[rows, 1, vocab]`, statistics → `[rows, 1, 1]`), so that
 * several searches over the same row can run in one pass each: thresholds and targets `[rows, s, 1]`.
 */
export function addRowMass3d(g: GraphBuilder, row: RowMass, prefix: string): RowMass {
  const axis = g.constant(`${prefix}_middle_axis`, 'int64', [1], [1]);
  const lift = (value: string) => g.node('Unsqueeze', [value, axis]);
  return {
    z: lift(row.z),
    q: lift(row.q),
    minZ: lift(row.minZ),
    maxZ: lift(row.maxZ),
    total: lift(row.total),
    rowsQ: row.q,
  };
}

/** `[z > t]` as float32 1/0, shaped like `z` (`Cast` and `Mul` run 3–8× faster than `Where` here). */
export function addAboveMask(g: GraphBuilder, z: string, t: string): string {
  return g.node('Cast', [g.node('Greater', [z, t])], { to: 1 }); // 1 = FLOAT
}

/** `Σ_{z_i > t} q_i` per row, `[rows, 1]` (one pass over the row). */
export function addMassAbove(g: GraphBuilder, row: RowMass, t: string, axes: string): string {
  return g.node('ReduceSum', [g.node('Mul', [addAboveMask(g, row.z, t), row.q]), axes], { keepdims: 1 });
}

/**
 * A threshold `t` per row with `massAbove(t) < target` (or `≤ target` when `orEqual`), as close to
 * the target as `iterations` steps of regula falsi get. It starts at `t = max z` (mass 0, always
 * accepted) unless `t = min z − 1` (the whole row) already is; each step evaluates one new `t`
 * between the bracket ends and keeps it as the upper end when accepted.
 *
 * The secant runs on the log-odds of the mass, `log m − log(Σq − m)`, which is close to linear in
 * `t` where the mass is not (the mass of a long tail is flat near both ends of the range). The
 * Illinois variant (Dowell & Jarratt 1971) halves the weight of an end kept twice in a row, so the
 * bracket shrinks from both sides; a secant point outside the bracket (or 0/0) bisects instead.
 */
export function addMassThreshold(
  g: GraphBuilder,
  row: RowMass,
  target: string,
  options: { iterations: number; orEqual: boolean; prefix: string },
): MassThreshold {
  const c = graphConstants(g, options.prefix);
  const accepts = (mass: string) => g.node(options.orEqual ? 'LessOrEqual' : 'Less', [mass, target]);
  const tiny = c.constant('tiny', 'float32', [], [1e-12]);
  const logOdds = (mass: string) =>
    g.node('Sub', [
      g.node('Log', [g.node('Max', [mass, tiny])]),
      g.node('Log', [g.node('Max', [g.node('Sub', [row.total, mass]), tiny])]),
    ]);
  const goal = logOdds(target);
  const distance = (mass: string) => g.node('Sub', [logOdds(mass), goal]);
  // Lower end: below every logit, its mass is the whole row.
  let a = g.node('Sub', [row.minZ, c.one]);
  let fa = distance(row.total);
  // Upper end: the largest logit, nothing strictly above it.
  const wholeRow = accepts(row.total);
  let b = g.node('Where', [wholeRow, a, row.maxZ]);
  let mb = g.node('Where', [wholeRow, row.total, c.zero]);
  let fb = distance(mb);
  let keptA = c.constant('false', 'int64', [], [0]); // 1 when the last step kept the same end
  let keptB = keptA;
  const oneInt = c.constant('one_int', 'int64', [], [1]);
  for (let i = 0; i < options.iterations; i++) {
    const secant = g.node('Sub', [
      b,
      g.node('Div', [g.node('Mul', [fb, g.node('Sub', [b, a])]), g.node('Sub', [fb, fa])]),
    ]);
    const middle = g.node('Mul', [g.node('Add', [a, b]), c.half]);
    // NaN (0/0) and points outside (a, b) fail both comparisons and fall back to bisection.
    const inside = g.node('And', [g.node('Greater', [secant, a]), g.node('Less', [secant, b])]);
    const t = g.node('Where', [inside, secant, middle]);
    const m = addMassAbove(g, row, t, c.lastAxes);
    const f = distance(m);
    const ok = accepts(m);
    const okInt = g.node('Cast', [ok], { to: 7 }); // 7 = INT64
    const notOkInt = g.node('Sub', [oneInt, okInt]);
    // Illinois: the end that stays for a second step in a row gets half its weight.
    const halveA = g.node('Cast', [g.node('Mul', [okInt, keptA])], { to: 9 }); // 9 = BOOL
    const halveB = g.node('Cast', [g.node('Mul', [notOkInt, keptB])], { to: 9 });
    const nextFa = g.node('Where', [ok, fa, f]);
    const nextFb = g.node('Where', [ok, f, fb]);
    fa = g.node('Where', [halveA, g.node('Mul', [nextFa, c.half]), nextFa]);
    fb = g.node('Where', [halveB, g.node('Mul', [nextFb, c.half]), nextFb]);
    a = g.node('Where', [ok, a, t]);
    b = g.node('Where', [ok, t, b]);
    mb = g.node('Where', [ok, m, mb]);
    keptA = okInt;
    keptB = notOkInt;
  }
  return { threshold: b, mass: mb };
}

/**
 * The `count` largest logits `≤ threshold` of each row in rank order, with their token ids and
 * probabilities (`count` must not exceed the vocabulary). With `row` in 3-D form (`[rows, 1, vocab]`,
 * see {@link addRowMass3d}) and thresholds `[rows, s, 1]`, each of the `s` searches gets its own
 * candidates, `[rows, s, count]`.
 */
export function addCandidates(
  g: GraphBuilder,
  row: RowMass,
  threshold: string,
  count: number,
  prefix: string,
): Candidates {
  const c = graphConstants(g, prefix);
  const q = row.rowsQ ?? row.q;
  // Tokens above the threshold drop to about −1e30, below every logit (|z| ≤ 1e6: LOGITS_CAPS).
  const above = addAboveMask(g, row.z, threshold);
  const masked = g.node('Sub', [row.z, g.node('Mul', [above, c.constant('far', 'float32', [], [1e30])])]);
  const k = c.constant('count', 'int64', [1], [count]);
  const [values, indices] = g.nodeOutputs('TopK', [masked, k], 2, { axis: -1, largest: 1, sorted: 1 });
  return {
    above,
    values: values!,
    indices: indices!,
    probs: row.rowsQ
      ? g.node('Reshape', [
          g.node(
            'GatherElements',
            [q, g.node('Reshape', [indices!, c.constant('rows_shape', 'int64', [2], [0, -1])])],
            {
              axis: -1,
            },
          ),
          g.node('Shape', [indices!]),
        ])
      : g.node('GatherElements', [q, indices!], { axis: -1 }),
    real: g.node('Greater', [values!, c.constant('padding', 'float32', [], [-1e29])]),
  };
}
