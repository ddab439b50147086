// Secrets never reach the journal, the logs or the screen: every text leaving a run passes through
// one redactor holding the run's secret values.

export const redactionMark = '[secret]';

export type Redactor = (text: string) => string;

/**
 * The ways a secret can appear in text that leaves a run: as it is; JSON-escaped (the journal
 * redacts serialised data); URL-encoded (a secret in a query string, echoed in an error); and, for
 * a multi-line secret such as a PEM key, each of its lines (output arrives line by line).
 */
function formsOf(value: string): string[] {
  const forms = [
    value,
    JSON.stringify(value).slice(1, -1),
    encodeURIComponent(value),
    encodeURI(value),
    percentEncode(value, queryUnsafe),
    percentEncode(value, pathUnsafe),
  ];
  for (const form of [...forms]) forms.push(JSON.stringify(form).slice(1, -1));
  if (value.includes('\n')) {
    for (const line of value.split(/\r?\n/))
      if (line.trim().length >= 4) forms.push(line.trim(), JSON.stringify(line.trim()).slice(1, -1));
  }
  return forms;
}

// What a URL parser (WHATWG) escapes in a query and in a path; the rest of a secret stays as it
// was, so `new URL(...)` turns `a b"c` into `a%20b%22c` — a form neither encodeURI nor
// encodeURIComponent produces.
const queryUnsafe = new Set([' ', '"', '#', '<', '>', "'"]);
const pathUnsafe = new Set([...queryUnsafe, '?', '`', '{', '}']);

function percentEncode(value: string, unsafe: Set<string>): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out += code < 0x20 || code > 0x7e || unsafe.has(char) ? encodeURIComponent(char) : char;
  }
  return out;
}

/** A redactor for these values; values shorter than 4 characters are ignored (they would mask noise). */
export function createRedactor(values: Iterable<string>): Redactor {
  const secrets = [...new Set(values)].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  const forms = [...new Set(secrets.flatMap(formsOf))].filter((form) => form.length >= 4);
  // Every occurrence is found in the original text and overlapping spans merged before masking: replacing
  // one secret after another would leave the tail of a second secret overlapping the first in clear,
  // and could match a later (short) secret inside an earlier mark.
  return (text) => {
    const spans: Array<[number, number]> = [];
    for (const form of forms) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) spans.push([at, at + form.length]);
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let done = 0;
    let end = -1;
    for (const [from, to] of spans) {
      if (from >= end) {
        if (end !== -1) out += redactionMark;
        out += text.slice(done, from);
      }
      end = Math.max(end, to);
      done = end;
    }
    return out + redactionMark + text.slice(done);
  };
}
