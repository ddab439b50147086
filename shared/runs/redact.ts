// Secrets never reach the journal, the logs or the screen: every text leaving a run passes through
// one redactor holding the run's secret values.

export const redactionMark = '[secret]';

export type Redactor = (text: string) => string;

/** A redactor for these values; values shorter than 4 characters are ignored (they would mask noise). */
export function createRedactor(values: Iterable<string>): Redactor {
  const secrets = [...new Set(values)].filter((value) => value.length >= 4).sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return (text) => text;
  // JSON-escaped forms too: the journal redacts serialised data, where `"` or `\` are escaped.
  const forms = [...new Set(secrets.flatMap((value) => [value, JSON.stringify(value).slice(1, -1)]))];
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
