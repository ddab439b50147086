// The names nearest to one that does not exist, for an error that helps: fewest edits first
// (Levenshtein distance), then the longest shared beginning, then the order given (newest first
// for tags). Pure, so the engine and any screen suggest the same names.

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function nearestNames(wanted: string, names: readonly string[], count = 3): string[] {
  return names
    .map((name, order) => ({ name, order, edits: distance(wanted, name), prefix: sharedPrefix(wanted, name) }))
    .sort((x, y) => x.edits - y.edits || y.prefix - x.prefix || x.order - y.order)
    .slice(0, count)
    .map((scored) => scored.name);
}
