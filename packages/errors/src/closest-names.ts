/**
 * The candidates closest to `input` by edit distance (case-insensitive), best first: at most `limit`,
 * and only those within a distance a typo would explain (a third of the longer name, at least 2) and
 * that keep some character of the input (`🦙` or `xy` is not a typo of `r1`). A candidate that starts
 * with the input counts as close.
 */
export function closestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  return candidates
    .map((name) => {
      const hay = name.toLowerCase();
      const distance = hay.startsWith(needle) && needle.length >= 2 ? 0.5 : editDistance(needle, hay);
      return { name, distance, allowed: Math.max(2, Math.ceil(Math.max(needle.length, hay.length) / 3)) };
    })
    .filter((entry) => entry.distance <= entry.allowed && entry.distance < needle.length)
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((entry) => entry.name);
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
