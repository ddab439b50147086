import { CodedError } from '../lib/coded-error';

export type ReviewErrorCode = 'invalid-request' | 'not-found' | 'invalid-project' | 'unreadable' | 'write-failed';

/** A review that cannot be read or saved; `details` name the file, runbook or item. */
export class ReviewError extends CodedError<ReviewErrorCode> {}
