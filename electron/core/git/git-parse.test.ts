import { describe, expect, it } from 'vitest';
import { parseLog, parsePushPorcelain, parseStatusZ, parseTagRefs } from './git-parse';

describe('git output parsers', () => {
  it('parses log records whose subjects hold any punctuation', () => {
    const record = (sha: string, subject: string) =>
      [sha, sha.slice(0, 7), 'Ada', 'ada@example.com', '2026-01-01T10:00:00+00:00', subject].join('\x1f');
    const text = `${record('a'.repeat(40), 'Fix: a | b; "c"')}\x1e\n${record('b'.repeat(40), '')}\x1e\n`;
    expect(parseLog(text)).toEqual([
      {
        sha: 'a'.repeat(40),
        shortSha: 'aaaaaaa',
        author: 'Ada',
        email: 'ada@example.com',
        date: '2026-01-01T10:00:00+00:00',
        subject: 'Fix: a | b; "c"',
      },
      {
        sha: 'b'.repeat(40),
        shortSha: 'bbbbbbb',
        author: 'Ada',
        email: 'ada@example.com',
        date: '2026-01-01T10:00:00+00:00',
        subject: '',
      },
    ]);
    expect(parseLog('')).toEqual([]);
  });

  it('keeps tags on commits (peeling annotated ones) and drops tags of trees', () => {
    const c = 'c'.repeat(40);
    const t = 't'.repeat(40);
    const lines = [
      ['v1.0.0', 'commit', c, '', '', '2026-01-01T10:00:00Z'],
      ['v1.1.0', 'tag', t, 'commit', c, '2026-01-02T10:00:00Z'],
      ['tree-tag', 'tag', t, 'tree', 'e'.repeat(40), '2026-01-03T10:00:00Z'],
    ];
    const text = lines.map((fields) => `${fields.join('\x1f')}\x1e\n`).join('');
    expect(parseTagRefs(text)).toEqual([
      { name: 'v1.0.0', commit: c, date: '2026-01-01T10:00:00Z' },
      { name: 'v1.1.0', commit: c, date: '2026-01-02T10:00:00Z' },
    ]);
  });

  it('lists changed paths from status -z, once per rename, spaces intact', () => {
    const text = ' M app.txt\0R  new name.txt\0old name.txt\0?? dir/\0A  a\0';
    expect(parseStatusZ(text)).toEqual(['app.txt', 'new name.txt', 'dir/', 'a']);
    expect(parseStatusZ('')).toEqual([]);
  });

  it('reads push --porcelain lines', () => {
    const stdout = 'To /srv/origin.git\n!\trefs/tags/v1:refs/tags/v1\t[rejected] (already exists)\nDone\n';
    expect(parsePushPorcelain(stdout)).toEqual([
      { flag: '!', from: 'refs/tags/v1', to: 'refs/tags/v1', summary: '[rejected] (already exists)' },
    ]);
  });
});
