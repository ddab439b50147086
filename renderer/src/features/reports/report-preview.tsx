import MarkdownIt from 'markdown-it';
import { useEffect, useMemo, useRef } from 'react';
import { drawMermaidBlocks } from './draw-mermaid';

// The report rendered as a reader will see it. html: false, so anything in the markdown that looks
// like HTML is shown as text; markdown-it also refuses javascript: and data: links.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function ReportPreview({ text, busy }: { text: string; busy: boolean }) {
  // A code block scrolls sideways, so it takes focus to be scrolled from the keyboard (axe). With
  // html: false a "<pre>" written in the report is escaped, so only markdown-it's own match.
  const html = useMemo(() => markdown.render(text).replaceAll('<pre>', '<pre tabindex="0">'), [text]);
  const ref = useRef<HTMLElement>(null);
  // React sets innerHTML again only when html changes, and then this effect draws the charts anew.
  useEffect(() => {
    const root = ref.current;
    if (!root || html === '') return;
    let stale = false;
    void drawMermaidBlocks(root, () => stale);
    return () => {
      stale = true;
    };
  }, [html]);
  return (
    <article
      ref={ref}
      className="report-preview"
      aria-label="Report preview"
      aria-busy={busy || undefined}
      // Focusable so the preview can be scrolled from the keyboard.
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with html disabled escapes all HTML
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
