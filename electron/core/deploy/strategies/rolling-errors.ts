import { CodedError } from '../../lib/coded-error';

export type StrategyErrorCode =
  | 'invalid-config'
  | 'no-previous-version'
  | 'image-missing'
  | 'port-taken'
  | 'start-failed'
  | 'unhealthy'
  | 'revert-failed';

/** A rolling/recreate/flags failure; the message names the hosts (and fields) it is about. */
export class StrategyError extends CodedError<StrategyErrorCode> {}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of a host's error when it has one of ours, else the fallback. */
export function strategyCodeOf(error: unknown, fallback: StrategyErrorCode): StrategyErrorCode {
  const code = (error as { code?: unknown }).code;
  const ours: StrategyErrorCode[] = ['image-missing', 'port-taken', 'start-failed', 'unhealthy', 'invalid-config'];
  return ours.includes(code as StrategyErrorCode) ? (code as StrategyErrorCode) : fallback;
}
