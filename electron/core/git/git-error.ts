import { CodedError } from '../lib/coded-error';

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
export class GitError extends CodedError<GitErrorCode> {}
