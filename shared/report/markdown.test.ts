import { describe, expect, it } from 'vitest';
import { codeSpan, escapeBlock, escapeCell, escapeInline, fencedCode, table } from './markdown';
import { renderHtml, tableProblems } from './test-support/table-shapes';

const hostile = [
  'a | b',
  'back`tick and ``double``',
  'line one\nline two\r\nline three',
  '<script>alert(1)</script> <b>bold</b>',
  '# not a heading',
  '- not a list',
  '> not a quote',
  '1. not numbered',
  '```\nnot a fence',
  '*not em* _not em_ [not](a-link) ![no](img.png) ~~no~~ &amp; \\| \\',
  '    four spaces',
];

describe('escapeInline / escapeCell', () => {
  it('keeps every hostile note inside one table cell, as literal text', () => {
    const markdown = table(
      ['Note', 'After'],
      hostile.map((note) => [escapeCell(note), 'end']),
    );
    expect(tableProblems(markdown)).toEqual([]);
    const html = renderHtml(markdown);
    expect(html).not.toMatch(/<(script|b|h1|ul|ol|blockquote|em|a|img|del|pre|code)[ >]/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('a | b');
    expect(html).toContain('line one ↵ line two ↵ line three');
    expect(html).toContain('&amp;amp;');
    expect(html.match(/<td>end<\/td>/g)).toHaveLength(hostile.length);
  });

  it('leaves ordinary words alone (error_rate, versions, paths)', () => {
    expect(escapeInline('error_rate > 5% on v1.5.0 at /srv/app')).toBe('error_rate > 5% on v1.5.0 at /srv/app');
    expect(escapeInline('_private_ value')).toBe('\\_private\\_ value');
  });

  it('shows a dash for an empty cell', () => {
    expect(escapeCell(undefined)).toBe('—');
    expect(escapeCell('  ')).toBe('—');
  });
});

describe('codeSpan', () => {
  it('outlasts any backtick run inside and pads edge backticks', () => {
    expect(codeSpan('plain')).toBe('`plain`');
    expect(codeSpan('a ` b')).toBe('``a ` b``');
    expect(codeSpan('`edge`')).toBe('`` `edge` ``');
    expect(renderHtml(codeSpan('a ``` b'))).toContain('<code>a ``` b</code>');
  });

  it('escapes pipes so a code span in a table stays one cell', () => {
    const markdown = table(['Command', 'x'], [[codeSpan('grep a | wc -l'), 'y']]);
    expect(tableProblems(markdown)).toEqual([]);
    expect(renderHtml(markdown)).toContain('<code>grep a | wc -l</code>');
  });
});

describe('fencedCode', () => {
  it('uses a fence longer than any backtick run in the output, so the block cannot be closed early', () => {
    const lines = ['before', '```', 'still inside', '````', '# still code'];
    const block = fencedCode(lines, 'text');
    expect(block.startsWith('`````text\n')).toBe(true);
    const html = renderHtml(`${block}\n\nafter`);
    expect(html).toContain('still inside');
    expect(html.match(/<pre>/g)).toHaveLength(1);
    expect(html).toContain('<p>after</p>');
  });

  it('renders an empty block', () => {
    expect(fencedCode([])).toBe('```\n```');
  });
});

describe('escapeBlock', () => {
  it('keeps paragraphs and simple lists but nothing that could swallow the rest of the report', () => {
    const text =
      'Went well.\n\n- fast switch\n* one | pipe\n2) numbered\n\n```\n# heading?\n<img src=x onerror=alert(1)>';
    const html = renderHtml(`${escapeBlock(text)}\n\n## Next section`);
    expect(html).toContain('<li>fast switch</li>');
    expect(html).toContain('<li>one | pipe</li>');
    expect(html).toContain('<ol start="2">');
    expect(html).not.toContain('<pre>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<h2>Next section</h2>');
    expect(html.match(/<h\d>/g)).toHaveLength(1);
  });
});
