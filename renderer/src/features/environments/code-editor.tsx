import { type Ref, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { lineCount, offsetAt, positionAt } from './editor-text';

export interface CodeEditorHandle {
  /** Puts the caret at a 1-based line and column, scrolls it into view and focuses the editor. */
  goTo(line: number, column?: number): void;
}

interface CodeEditorProps {
  id: string;
  label: string;
  value: string;
  onChange(text: string): void;
  /** Lines with an error, marked in the gutter. */
  errorLines: ReadonlySet<number>;
  describedBy?: string;
  ref?: Ref<CodeEditorHandle>;
}

/**
 * A plain textarea with line numbers: YAML needs nothing more than exact text, a monospace face
 * and a way to land on `line:column`. Tab keeps moving focus (keyboard users must be able to
 * leave); YAML is indented with spaces anyway.
 */
export function CodeEditor({ id, label, value, onChange, errorLines, describedBy, ref }: CodeEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const lines = lineCount(value);
  const numbers = useMemo(() => Array.from({ length: lines }, (_, i) => i + 1), [lines]);

  const trackCaret = () => {
    const element = area.current;
    if (element) setCaret(positionAt(element.value, element.selectionStart));
  };

  useImperativeHandle(ref, () => ({
    goTo(line, column = 1) {
      const element = area.current;
      if (!element) return;
      const offset = offsetAt(element.value, line, column);
      element.focus();
      element.setSelectionRange(offset, offset);
      const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight) || 18;
      element.scrollTop = Math.max(0, (line - 1) * lineHeight - element.clientHeight / 3);
      trackCaret();
    },
  }));

  return (
    <div className="code-editor">
      <div className="code-gutter" ref={gutter} aria-hidden>
        {numbers.map((n) => (
          <span key={n} className={errorLines.has(n) ? 'code-line-error' : undefined}>
            {n}
          </span>
        ))}
      </div>
      <textarea
        id={id}
        ref={area}
        className="code-area"
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        onChange={(event) => {
          onChange(event.target.value);
          trackCaret();
        }}
        onKeyUp={trackCaret}
        onClick={trackCaret}
        onSelect={trackCaret}
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
      />
      <p className="code-position" aria-live="off">
        Line {caret.line}, column {caret.column}
      </p>
    </div>
  );
}
