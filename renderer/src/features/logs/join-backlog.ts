// Opening a run's logs: lines already written come from `runs:logs`, new ones from `runs:output`.
// The screen subscribes first and holds what is pushed while the backlog loads, so nothing falls
// in the gap; a line written just before the backlog was read can then arrive both ways, and is
// taken once.

export interface OutputLine {
  source: string;
  stream: string;
  line: string;
}

const same = (a: OutputLine, b: OutputLine) => a.line === b.line && a.source === b.source && a.stream === b.stream;

/** The held lines that are not already the end of the backlog (largest overlap wins). */
export function newerThanBacklog<T extends OutputLine>(backlog: readonly OutputLine[], held: readonly T[]): T[] {
  const first = Math.max(0, backlog.length - held.length);
  for (let start = first; start < backlog.length; start++) {
    const overlap = backlog.length - start;
    let k = 0;
    while (k < overlap && same(backlog[start + k]!, held[k]!)) k++;
    if (k === overlap) return held.slice(overlap);
  }
  return [...held];
}
