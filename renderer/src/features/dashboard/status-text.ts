import type { EnvironmentStatus, LiveSource } from '../../../../shared/api/schemas/environments';

// How the dashboard words an environment's state. Pure, so the phrases are unit-tested and the
// components stay markup.

/** `just now`, `4 min ago`, `3 h ago`, `2 days ago`, `on 2025-05-08`; the input unchanged when it is not a date. */
export function timeAgo(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return '—';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now.getTime() - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  // Weeks ago, the date itself says more than a count of days.
  return days < 14 ? `${days} days ago` : `on ${iso.slice(0, 10)}`;
}

/** Where the live version was read, as a short note under it. */
export function liveSourceNote(source: LiveSource | undefined): string {
  switch (source) {
    case 'release history':
      return 'from the target’s release history';
    case 'container label':
      return 'from the running container';
    case 'run history':
      return 'from this machine’s runs';
    default:
      return '';
  }
}

/** The lock column's words: free, unknown (host away), or who holds it and since when. */
export function lockSummary(
  status: Pick<EnvironmentStatus, 'lock' | 'lockChecked'>,
  now: Date = new Date(),
): { text: string; detail?: string; tone: 'free' | 'held' | 'stale' | 'unknown' } {
  const { lock } = status;
  if (lock) {
    const since = lock.at === 'unknown' ? 'since an unknown time' : `since ${timeAgo(lock.at, now)}`;
    return {
      text: lock.holder,
      detail: `${since} · run ${lock.runId}`,
      tone: lock.stale ? 'stale' : 'held',
    };
  }
  return status.lockChecked ? { text: 'Free', tone: 'free' } : { text: 'Unknown', tone: 'unknown' };
}

/** One line for a screen reader and a tooltip: what is live and where it was read. */
export function liveSummary(status: Pick<EnvironmentStatus, 'liveVersion' | 'liveSource'>): string {
  if (!status.liveVersion) return 'Nothing deployed that Release Pilot knows of';
  return `${status.liveVersion} ${liveSourceNote(status.liveSource)}`.trim();
}

/**
 * Warnings every environment of a project shares (an invalid environments file) are said once
 * above the table; the rest stay under their own row.
 */
export function splitWarnings(statuses: readonly Pick<EnvironmentStatus, 'environment' | 'warnings'>[]): {
  shared: string[];
  own: Record<string, string[]>;
} {
  const [first, ...rest] = statuses;
  const shared =
    first && rest.length > 0 ? first.warnings.filter((w) => rest.every((s) => s.warnings.includes(w))) : [];
  const own = Object.fromEntries(statuses.map((s) => [s.environment, s.warnings.filter((w) => !shared.includes(w))]));
  return { shared, own };
}
