import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';
// The report's preview styles (headings, tables, code) are the plan's too: one look for both documents.
import '../reports/reports.css';

// The plan rendered as its reviewers will read it. html: false, so anything in the markdown that
// looks like HTML (a step title, a stakeholder's name) is shown as text, never run.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function PlanPreview({ text, stale }: { text: string; stale: boolean }) {
  const html = useMemo(() => markdown.render(text), [text]);
  return (
    <article
      className="report-preview plan-preview"
      aria-label="Plan preview"
      data-stale={stale || undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with html disabled escapes all HTML
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
