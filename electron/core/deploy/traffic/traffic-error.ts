import { CodedError } from '../../lib/coded-error';

export type TrafficErrorCode =
  /** The list of servers cannot be written: empty, a malformed address, a weight outside 0–100, a duplicate. */
  | 'proxy-servers-invalid'
  /** Every server has weight 0: nobody would be served. */
  | 'proxy-no-traffic'
  /** The proxy's config test rejected the new file (it was restored and the proxy not reloaded). */
  | 'proxy-config-invalid'
  /** The config passed its test but the reload command failed (the previous file was restored). */
  | 'proxy-reload-failed'
  /** The test or reload command could not run at all (not installed, cancelled). */
  | 'proxy-command-failed'
  /** The upstream file could not be read or written. */
  | 'proxy-file-failed'
  /** The upstream file exists but holds no readable `upstream <name> { … }` block. */
  | 'proxy-upstream-unreadable'
  /** The proxy's host cannot be reached over SSH. */
  | 'proxy-unreachable';

/** Every failure of a traffic switch; the message starts with where the proxy is ("nginx on web-1"). */
export class TrafficError extends CodedError<TrafficErrorCode> {}
