export type GitErrorCode =
  | 'not-a-repo'
  | 'no-remote'
  | 'unknown-ref'
  | 'invalid-ref' // would be read as an option, or has characters no ref can have: refused unrun
  | 'tag-exists'
  | 'dirty-tree'
  | 'no-commits'
  | 'push-rejected' // the remote refused the ref (it exists there already, or a hook said no)
  | 'git-not-found'
  | 'aborted'
  | 'git-failed'; // any other non-zero exit; the message carries git's own words

/** A git operation that failed; `code` is what callers branch on, `details` names repo and ref. */
export class GitError extends Error {
  readonly code: GitErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: GitErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'GitError';
    this.code = code;
    this.details = details;
  }
}
