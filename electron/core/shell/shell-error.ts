import { CodedError } from '../lib/coded-error';

export type ShellErrorCode =
  | 'invalid-command' // argv empty or not strings: a bug or a malformed runbook, never run
  | 'command-not-found'
  | 'not-executable'
  | 'cwd-not-found'
  | 'spawn-failed'
  | 'timeout'
  | 'aborted';

/** A local command that could not run or was stopped; `code` is what callers branch on. */
export class ShellError extends CodedError<ShellErrorCode> {}
