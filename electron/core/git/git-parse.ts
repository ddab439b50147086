// Parsers for git's machine formats: fields separated by \x1f and records by \x1e (formats we
// ask for), `status -z` and `push --porcelain` (formats git documents as stable for scripts).

export interface CommitInfo {
  sha: string;
  shortSha: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
}

export interface TagInfo {
  name: string;
  commit: string;
  /** ISO 8601: when an annotated tag was made, or the commit date of a lightweight one. */
  date: string;
}

export const logFormat = '--format=%H%x1f%h%x1f%an%x1f%ae%x1f%aI%x1f%s%x1e';

export function parseLog(text: string): CommitInfo[] {
  return records(text).map((fields) => {
    const [sha = '', shortSha = '', author = '', email = '', date = '', subject = ''] = fields;
    return { sha, shortSha, author, email, date, subject };
  });
}

/** The tag's own object, and the object it points at when annotated (`*` peels one level). */
export const tagRefFormat =
  '--format=%(refname:strip=2)%1f%(objecttype)%1f%(objectname)%1f%(*objecttype)%1f%(*objectname)%1f%(creatordate:iso-strict)%1e';

/** Tags that point at commits; a tag of a tree or blob is no version of the app. */
export function parseTagRefs(text: string): TagInfo[] {
  const tags: TagInfo[] = [];
  for (const [name = '', type, object = '', peeledType, peeled = '', date = ''] of records(text)) {
    if (type === 'commit') tags.push({ name, commit: object, date });
    else if (type === 'tag' && peeledType === 'commit') tags.push({ name, commit: peeled, date });
  }
  return tags;
}

function records(text: string): string[][] {
  return text
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record !== '')
    .map((record) => record.split('\x1f'));
}

/**
 * Paths with changes from `git status --porcelain=v1 -z`: "XY path\0", where a rename or copy is
 * followed by one more field, the old path, which is not listed again.
 */
export function parseStatusZ(text: string): string[] {
  const fields = text.split('\0');
  const paths: string[] = [];
  for (let index = 0; index < fields.length; index++) {
    const entry = fields[index]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (entry[0] === 'R' || entry[0] === 'C') index++;
  }
  return paths;
}

export interface PushedRef {
  flag: string;
  from: string;
  to: string;
  summary: string;
}

/** `git push --porcelain` stdout: "<flag>\t<from>:<to>\t<summary>" per ref; "!" means rejected. */
export function parsePushPorcelain(stdout: string): PushedRef[] {
  const refs: PushedRef[] = [];
  for (const line of stdout.split('\n')) {
    const [flag, refspec, summary = ''] = line.split('\t');
    if (flag === undefined || refspec === undefined || flag.length !== 1) continue;
    const colon = refspec.indexOf(':');
    refs.push({ flag, from: refspec.slice(0, colon), to: refspec.slice(colon + 1), summary });
  }
  return refs;
}
