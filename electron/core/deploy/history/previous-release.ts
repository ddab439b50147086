import { CodedError } from '../../lib/coded-error';
import type { ReleaseEntry } from '../deploy-strategy';

// Which release is live, and which one a rollback returns to, derived from the history alone so a
// rollback never needs a version typed in. A release is one (version, runId); its newest entry
// says whether it is still live or was rolled back.

export class ReleaseChoiceError extends CodedError<'release-not-found' | 'no-previous-release'> {}

const key = (entry: ReleaseEntry) => `${entry.version}\u0000${entry.runId}`;

/** Live entries whose release was not rolled back later, newest first. `history` is newest first. */
export function effectiveLive(history: ReleaseEntry[]): ReleaseEntry[] {
  const undone = new Set<string>();
  const live: ReleaseEntry[] = [];
  for (const entry of history) {
    if (entry.status === 'rolled-back') undone.add(key(entry));
    else if (!undone.has(key(entry))) live.push(entry);
  }
  return live;
}

/** What users get now: the newest live release that was not rolled back. */
export function liveRelease(history: ReleaseEntry[]): ReleaseEntry | undefined {
  return effectiveLive(history)[0];
}

/**
 * The release to roll back to from `current`: the live one before current's newest live entry,
 * skipping any entries of the current version. With `chosen`, the newest entry of that version
 * instead (an operator picking an older release); a version never deployed is a clear error.
 */
export function previousRelease(
  history: ReleaseEntry[],
  current: string,
  options: { chosen?: string } = {},
): ReleaseEntry | undefined {
  if (options.chosen !== undefined) {
    const chosen = options.chosen;
    const found = effectiveLive(history).find((e) => e.version === chosen) ?? history.find((e) => e.version === chosen);
    if (!found) {
      const known = [...new Set(history.map((e) => e.version))];
      throw new ReleaseChoiceError(
        'release-not-found',
        `release ${chosen} is not in the release history${known.length ? ` (known: ${known.join(', ')})` : ' (it is empty)'}`,
        { chosen, known },
      );
    }
    return found;
  }
  const live = effectiveLive(history);
  const currentAt = live.findIndex((e) => e.version === current);
  const older = currentAt < 0 ? live : live.slice(currentAt + 1);
  return older.find((e) => e.version !== current);
}
