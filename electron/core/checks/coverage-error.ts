import { CodedError } from '../lib/coded-error';

export type CoverageErrorCode =
  | 'missing-file'
  | 'unreadable-file'
  | 'unrecognized-format' // neither coverage-summary.json, lcov.info nor cobertura XML
  | 'missing-metric' // the format is right but the asked-for total is absent or not a number
  | 'invalid-check';

export class CoverageError extends CodedError<CoverageErrorCode> {}
