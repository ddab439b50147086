// The post-mortem draft is written when a run ends and again once its end is journaled (or when
// it is closed later), and people edit it in between. Only the parts drawn from the journal are
// regenerated: each sits between two HTML comments (invisible once rendered), and everything
// outside them — root cause, action items, a rewritten summary — is the team's and kept as is.
// A region whose marks a person removed is theirs too.

const begin = (id: string) => `<!-- release-pilot:begin ${id} -->`;
const end = (id: string) => `<!-- release-pilot:end ${id} -->`;

/** `lines` between the marks of region `id`, ready to join into the draft. */
export function generatedRegion(id: string, lines: readonly string[]): string[] {
  return [begin(id), ...lines, end(id)];
}

const region = /<!-- release-pilot:begin ([a-z][a-z-]*) -->[\s\S]*?<!-- release-pilot:end \1 -->/g;

/** `existing` with every marked region replaced by the same region of `fresh`; the rest kept byte for byte. */
export function mergePostmortem(existing: string, fresh: string): string {
  const crlf = existing.includes('\r\n');
  const regions = new Map<string, string>();
  for (const match of fresh.matchAll(region))
    regions.set(match[1]!, crlf ? match[0].replace(/\r?\n/g, '\r\n') : match[0]);
  return existing.replace(region, (whole, id: string) => regions.get(id) ?? whole);
}
