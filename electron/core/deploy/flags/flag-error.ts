import { CodedError } from '../../lib/coded-error';

export type FlagErrorCode =
  | 'flag-file-malformed'
  | 'flag-file-unreadable'
  | 'flag-file-write-failed'
  | 'flag-provider-unreachable'
  | 'flag-provider-failed'
  | 'invalid-percentage';

/** Every flag-provider failure; the message names the host and file (or the URL) it was about. */
export class FlagError extends CodedError<FlagErrorCode> {}

export function checkPercentage(flag: string, percentage: number): void {
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) {
    throw new FlagError('invalid-percentage', `flag "${flag}": a share of users is 0–100 percent, got ${percentage}`, {
      flag,
      percentage,
    });
  }
}
