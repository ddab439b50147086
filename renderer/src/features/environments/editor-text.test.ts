import { describe, expect, it } from 'vitest';
import { isEditorDraft, lineCount, offsetAt, positionAt } from './editor-text';

const text = 'environments:\n  staging:\n    protected: maybe\n';

describe('editor text', () => {
  it('finds the caret offset of a line and column, and back', () => {
    const offset = offsetAt(text, 3, 16);
    expect(text.slice(offset, offset + 5)).toBe('maybe');
    expect(positionAt(text, offset)).toEqual({ line: 3, column: 16 });
    expect(offsetAt(text, 1)).toBe(0);
    expect(positionAt(text, 0)).toEqual({ line: 1, column: 1 });
  });

  it('clamps places beyond a line or the text', () => {
    expect(offsetAt(text, 2, 99)).toBe(text.indexOf('\n', 14));
    expect(offsetAt(text, 40, 1)).toBe(text.length);
  });

  it('counts lines and accepts only well-formed drafts', () => {
    expect(lineCount(text)).toBe(4);
    expect(lineCount('')).toBe(1);
    expect(isEditorDraft({ text: 'a', baseDigest: 'b' })).toBe(true);
    expect(isEditorDraft({ text: 'a' })).toBe(false);
    expect(isEditorDraft('a')).toBe(false);
  });
});
