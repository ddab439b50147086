/** What went wrong, as a code callers can branch on (never a regex over the message). */
export type JournalErrorCode = 'io' | 'exists' | 'missing' | 'broken-chain' | 'invalid-event' | 'closed';

/** Every journal and log failure: names the file, and the line when one is to blame. */
export class JournalError extends Error {
  readonly code: JournalErrorCode;
  readonly file: string;
  readonly line?: number;
  /** The operating system's code (EACCES, ENOSPC, …) when the failure came from the file system. */
  readonly errno?: string;

  constructor(
    code: JournalErrorCode,
    message: string,
    details: { file: string; line?: number; errno?: string; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'JournalError';
    this.code = code;
    this.file = details.file;
    this.line = details.line;
    this.errno = details.errno;
  }
}

const plainWords: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOENT: 'no such file or directory',
  ENOTDIR: 'a parent is not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'already exists',
  EIO: 'input/output error',
};

/** Turns a file-system failure into a JournalError that says, in words, what failed on which path. */
export function fsError(error: unknown, action: string, file: string): JournalError {
  if (error instanceof JournalError) return error;
  const errno = (error as NodeJS.ErrnoException)?.code;
  const words = errno ? (plainWords[errno] ?? errno) : String(error);
  const suffix = errno && plainWords[errno] ? ` (${errno})` : '';
  const code = errno === 'EEXIST' ? 'exists' : errno === 'ENOENT' ? 'missing' : 'io';
  return new JournalError(code, `cannot ${action} ${file}: ${words}${suffix}`, { file, errno, cause: error });
}
