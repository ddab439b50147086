import { describe, expect, it } from 'vitest';
import { quoteArgv } from './quote';

/**
 * A strict parser for what quoteArgv may produce: single-quoted runs and \' only. Anything a shell
 * would interpret (an unquoted $, `, ;, newline) makes it throw, so a round trip proves both.
 */
function unquote(command: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < command.length) {
    if (command[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    while (i < command.length && command[i] !== ' ') {
      if (command[i] === "'") {
        const end = command.indexOf("'", i + 1);
        if (end < 0) throw new Error('unterminated quote');
        arg += command.slice(i + 1, end);
        i = end + 1;
      } else if (command.startsWith("\\'", i)) {
        arg += "'";
        i += 2;
      } else {
        throw new Error(`unquoted character ${command[i]} at ${i}`);
      }
    }
    args.push(arg);
  }
  return args;
}

describe('quoteArgv', () => {
  it('single-quotes every argument, even plain words', () => {
    expect(quoteArgv(['ls', '-la', '/tmp'])).toBe("'ls' '-la' '/tmp'");
  });

  it('turns a quote into the close-escape-reopen sequence', () => {
    expect(quoteArgv(["it's"])).toBe("'it'\\''s'");
  });

  it('keeps an empty string as its own argument', () => {
    expect(quoteArgv(['printf', '%s|', '', 'x'])).toBe("'printf' '%s|' '' 'x'");
    expect(unquote(quoteArgv(['a', '', 'b']))).toEqual(['a', '', 'b']);
  });

  it.each([
    ["'; rm -rf / #"],
    ['$(touch /tmp/x)'],
    ['`id`'],
    ['line one\nline two\n'],
    ['tab\there'],
    ['ünïcødé ✓ 日本語 🚀'],
    ['back\\slash and "double" quotes'],
    ["''''"],
    ['*'],
    ['~root'],
    ['a;b|c&d>e<f'],
    ['${HOME}'],
  ])('round-trips %j as one literal argument', (arg) => {
    const quoted = quoteArgv(['echo', arg]);
    expect(unquote(quoted)).toEqual(['echo', arg]);
  });

  it('refuses a NUL byte rather than truncate the argument', () => {
    expect(() => quoteArgv(['a\0b'])).toThrow(/NUL byte/);
  });

  it('quotes nothing into an empty command', () => {
    expect(quoteArgv([])).toBe('');
  });
});
