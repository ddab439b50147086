export type CoverageErrorCode =
  | 'missing-file'
  | 'unreadable-file'
  | 'unrecognized-format' // neither coverage-summary.json, lcov.info nor cobertura XML
  | 'missing-metric' // the format is right but the asked-for total is absent or not a number
  | 'invalid-check';

export class CoverageError extends Error {
  readonly code: CoverageErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: CoverageErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'CoverageError';
    this.code = code;
    this.details = details;
  }
}
