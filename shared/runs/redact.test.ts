import { describe, expect, it } from 'vitest';
import { createRedactor, redactionMark } from './redact';

describe('createRedactor', () => {
  it('masks every occurrence of a secret in plain text', () => {
    const redact = createRedactor(['hunter2-pw']);
    expect(redact('login with hunter2-pw, again hunter2-pw')).toBe(
      `login with ${redactionMark}, again ${redactionMark}`,
    );
    expect(redact('nothing secret here')).toBe('nothing secret here');
  });

  it('masks the JSON-escaped form in serialised data', () => {
    const secret = 'pa"ss\\word\n';
    const redact = createRedactor([secret]);
    const line = JSON.stringify({ env: { DB_PASSWORD: secret } });
    expect(line).not.toContain(secret);
    expect(redact(line)).toBe(`{"env":{"DB_PASSWORD":"${redactionMark}"}}`);
    expect(redact(`raw ${secret}`)).toBe(`raw ${redactionMark}`);
  });

  it('ignores values shorter than 4 characters, and an empty list', () => {
    const redact = createRedactor(['', 'abc', 'on']);
    expect(redact('abc on the log')).toBe('abc on the log');
    expect(createRedactor([])('text')).toBe('text');
    expect(createRedactor(['abcd'])('abcd')).toBe(redactionMark);
  });

  it('masks the longest secret first, so a longer one is not half-shown', () => {
    const redact = createRedactor(['token', 'token-extended-value']);
    expect(redact('a token-extended-value and a token')).toBe(`a ${redactionMark} and a ${redactionMark}`);
  });

  it('masks secrets that overlap without one containing the other', () => {
    const redact = createRedactor(['abcdef', 'defghi']);
    const out = redact('xx abcdefghi yy');
    expect(out).toBe(`xx ${redactionMark} yy`);
    expect(out).not.toContain('ghi');
    expect(createRedactor(['aaaa'])('aaaaa!')).toBe(`${redactionMark}!`);
  });

  it('does not mask inside its own mark', () => {
    // A secret that happens to be a piece of "[secret]" must not mangle the marks already written.
    const redact = createRedactor(['secret-value-1', 'cret']);
    expect(redact('secret-value-1 cret')).toBe(`${redactionMark} ${redactionMark}`);
  });

  it('takes any iterable, duplicates included', () => {
    const redact = createRedactor(new Set(['s3cr3t', 's3cr3t']));
    expect(redact('s3cr3ts3cr3t')).toBe(`${redactionMark}${redactionMark}`);
  });
});

describe('secrets in other shapes', () => {
  it('masks each line of a multi-line secret, as output arrives line by line', () => {
    const pem = '-----BEGIN KEY-----\nMIIEsecretline2\nMIIEsecretline3\n-----END KEY-----';
    const redact = createRedactor([pem]);
    expect(redact('got MIIEsecretline2 here')).toBe(`got ${redactionMark} here`);
    expect(redact(JSON.stringify({ tail: ['MIIEsecretline3'] }))).not.toContain('MIIEsecretline3');
  });

  it('masks the URL-encoded form of a secret (a query string echoed in an error)', () => {
    const secret = 'pa"ss\\wo rd&x=1';
    const redact = createRedactor([secret]);
    const url = `http://h/health?q=${encodeURIComponent(secret)}`;
    expect(redact(`GET ${url}: connection refused`)).toBe(`GET http://h/health?q=${redactionMark}: connection refused`);
    expect(redact(JSON.stringify({ message: url }))).not.toContain(encodeURIComponent(secret));
    // As a URL parser normalises it: `"` and space escaped, `\` and `&` left alone.
    expect(redact('GET http://h/health?q=pa%22ss\\wo%20rd&x=1 failed')).toBe(
      `GET http://h/health?q=${redactionMark} failed`,
    );
  });
});
