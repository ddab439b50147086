/**
 * An argv as a person would type it, for dry runs and messages only (nothing here is ever run through a
 * shell). shell-quote escapes ":" and "=", which makes "-p 8080:80" hard to read; POSIX single quotes do not.
 */
export function displayArgv(argv: readonly string[]): string {
  return argv.map(displayWord).join(' ');
}

function displayWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
