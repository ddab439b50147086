// The environments editor's small text arithmetic and its draft shape. Pure, so unit-tested.

/** What survives a reload: the edited text, and the digest of the file it started from. */
export interface EditorDraft {
  text: string;
  baseDigest: string;
}

export function isEditorDraft(value: unknown): value is EditorDraft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Record<string, unknown>;
  return typeof draft.text === 'string' && typeof draft.baseDigest === 'string';
}

/** The caret offset of a 1-based line and column, clamped to the text (a problem may point past the end). */
export function offsetAt(text: string, line: number, column = 1): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  const lineEnd = end === -1 ? text.length : end;
  return Math.min(offset + Math.max(column, 1) - 1, lineEnd);
}

/** The 1-based line and column of a caret offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}

export function lineCount(text: string): number {
  return text.split('\n').length;
}
