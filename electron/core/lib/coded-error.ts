/**
 * The shape every tool error shares: a `code` callers branch on (never the message text) and
 * `details` naming what it was about (repo, URL, file, command). Each tool declares its codes
 * and its name by extending this once.
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  readonly details: Record<string, unknown>;

  constructor(code: Code, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}
