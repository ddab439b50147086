import { createRedactor } from '../runs/redact';
import type { RunEvent } from '../runs/run-event';
import { renderApprovals, renderChecklists } from './render-checklists';
import { renderHeader, renderResults, renderTitle, renderWarnings } from './render-header';
import { renderMetrics } from './render-metrics';
import { renderAppendix, renderChanges, renderIssues, renderLessons, renderOptionalSections } from './render-sections';
import { renderTimeline } from './render-timeline';
import { reportData } from './report-data';
import type { ReportData, ReportOptions } from './report-types';

// The deployment report as GitHub-flavoured markdown. One pure function from journal events to
// text: the same events (and options) give the same bytes on every host, with no clock read.

/** Markdown of report data already built (the CLI builds the data once for both formats). */
export function renderReportData(data: ReportData, options: Pick<ReportOptions, 'secrets'> = {}): string {
  const warnings = renderWarnings(data);
  const sections = [
    renderTitle(data),
    ...(warnings.length > 0 ? [warnings.join('\n>\n')] : []),
    renderHeader(data),
    renderResults(data),
    renderMetrics(data),
    renderTimeline(data),
    renderChecklists(data),
    renderApprovals(data),
    renderChanges(data),
    renderIssues(data),
    ...renderOptionalSections(data),
    renderLessons(data),
    renderAppendix(data),
  ];
  const markdown = `${sections.join('\n\n')}\n`;
  // The data was redacted field by field; this catches a secret split across escaped text.
  const secrets = options.secrets ?? [];
  return secrets.length > 0 ? createRedactor(secrets)(markdown) : markdown;
}

export function renderReport(events: readonly RunEvent[], options: ReportOptions = {}): string {
  return renderReportData(reportData(events, options), options);
}
