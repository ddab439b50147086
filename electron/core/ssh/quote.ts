/**
 * THE one quoting function for remote commands. OpenSSH hands the remote side a single string
 * that the login shell parses, so every argument is POSIX single-quoted: inside single quotes a
 * shell expands nothing ($, `, \, newlines are literal) and the only character to escape is the
 * quote itself, written as '\''. Arguments are always quoted, even "safe" ones, so there is no
 * judgement call that could be wrong.
 */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteOne).join(' ');
}

function quoteOne(arg: string): string {
  // A C string cannot carry NUL: the remote program would silently see a truncated argument.
  if (arg.includes('\0')) throw new Error(`cannot pass an argument containing a NUL byte: ${JSON.stringify(arg)}`);
  return `'${arg.replaceAll("'", "'\\''")}'`;
}
