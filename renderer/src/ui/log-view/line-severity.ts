// A log line is coloured by what it says, not by the stream it came on: nginx prints
// "syntax is ok" on stderr, and plenty of tools write progress there, while an app may log
// "ERROR" on stdout. Level words are read the way loggers write them: a bracketed or key=value
// level, or the word standing alone ("error" but not "error_log", "error.log" or "0 errors").

export type LineSeverity = 'error' | 'warning';

// Not part of a file or identifier name: "error.log", "/errors/", "on_error-page" stay plain.
const errorWords =
  /(?<![\w./-])(?:error|fatal|panic|crit|critical|emerg|emergency|alert|severe|exception|traceback)(?![\w]|[./-]\w)/i;
const errorLevel = /\blevel=(?:"?)(?:err|error|fatal|panic|crit|critical)\b/i;
const warningWords = /(?<![\w./-])(?:warn|warning|deprecated)(?![\w]|[./-]\w)/i;
const warningLevel = /\blevel=(?:"?)(?:warn|warning)\b/i;

/** `error`, `warning`, or undefined for an ordinary line; reads the plain text (no escape codes). */
export function lineSeverity(plain: string): LineSeverity | undefined {
  // A level=… field names the line's level outright, whatever words its message holds.
  if (errorLevel.test(plain)) return 'error';
  if (warningLevel.test(plain)) return 'warning';
  if (/\blevel=/i.test(plain)) return undefined;
  if (errorWords.test(plain)) return 'error';
  if (warningWords.test(plain)) return 'warning';
  return undefined;
}
