/** A tag read as a version: "v1.2.0", "1.2", "release-2.0.0-rc.1", "app/v3.1.4+build.7". */
export interface ParsedVersion {
  numbers: number[];
  prerelease: string[];
}

// The prefix group is lazy so "1.0.0-1" reads as 1.0.0 with pre-release 1, not as version 1.
const versionPattern = /^(?:.*?[-_/])??[vV]?(\d+(?:\.\d+){0,3})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(tag: string): ParsedVersion | undefined {
  const match = versionPattern.exec(tag);
  if (match === null) return undefined;
  return {
    numbers: match[1]!.split('.').map(Number),
    prerelease: match[2] === undefined ? [] : match[2].split('.'),
  };
}

/** Semver precedence, but tolerant of 2 or 4 parts: negative when a is older than b. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (diff !== 0) return diff;
  }
  // A release outranks its own pre-releases: 1.2.0 > 1.2.0-rc.2.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return b.prerelease.length - a.prerelease.length;
  const parts = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < parts; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * Newest first for a version picker: version-like tags by precedence (date breaks ties), then
 * every other tag by date.
 */
export function sortTagsNewestFirst<T extends { name: string; date: string }>(tags: T[]): T[] {
  const withVersion = tags.map((tag) => ({ tag, version: parseVersion(tag.name) }));
  return withVersion
    .sort((a, b) => {
      if (a.version && b.version) {
        const byVersion = compareVersions(b.version, a.version);
        if (byVersion !== 0) return byVersion;
      } else if (a.version || b.version) {
        return a.version ? -1 : 1;
      }
      return time(b.tag.date) - time(a.tag.date) || a.tag.name.localeCompare(b.tag.name);
    })
    .map(({ tag }) => tag);
}

/** Dates come with their own offsets, so they are compared as instants, not as strings. */
function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}
