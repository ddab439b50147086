// Filter and search share one matcher: case-insensitive, either the text as typed or (when the
// person turns "regex" on) a regular expression. An invalid expression is not an exception but a
// message naming the field, shown under it while the last valid view stays on screen.

export type Match = [start: number, end: number];

export type CompiledQuery =
  | { kind: 'empty' }
  | { kind: 'ok'; test(text: string): boolean; ranges(text: string): Match[] }
  | { kind: 'invalid'; message: string };

/** A line rarely needs more marks than this; a pathological regex on a long line is cut short. */
const maxRangesPerLine = 200;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * `field` names the box in the message ("Filter", "Search"): the person must see which of the
 * two boxes holds the bad expression.
 */
export function compileQuery(field: string, query: string, regex: boolean): CompiledQuery {
  if (query === '') return { kind: 'empty' };
  let tester: RegExp;
  let global: RegExp;
  try {
    const source = regex ? query : escapeRegExp(query);
    tester = new RegExp(source, 'i');
    global = new RegExp(source, 'gi');
  } catch (error) {
    return { kind: 'invalid', message: invalidMessage(field, query, error) };
  }
  return {
    kind: 'ok',
    test: (text) => tester.test(text),
    ranges(text) {
      const found: Match[] = [];
      global.lastIndex = 0;
      for (let m = global.exec(text); m !== null && found.length < maxRangesPerLine; m = global.exec(text)) {
        // An expression that can match nothing (`a*`) would mark empty spots and never advance.
        if (m[0].length === 0) {
          global.lastIndex++;
          continue;
        }
        found.push([m.index, m.index + m[0].length]);
      }
      return found;
    },
  };
}

function invalidMessage(field: string, query: string, error: unknown): string {
  // V8 says "Invalid regular expression: /(/i: Unterminated group"; keep only the reason.
  const raw = error instanceof Error ? error.message : String(error);
  const reason = raw.slice(raw.lastIndexOf(': ') + 2) || raw;
  return `${field}: ${JSON.stringify(query)} is not a valid regular expression (${reason.toLowerCase()}). Turn off "Regex" to match the text as typed.`;
}
