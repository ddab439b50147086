import { formatTime, plural } from './format';
import { codeSpan, escapeBlock, escapeCell, escapeInline, fencedCode, table } from './markdown';
import type { ReportData } from './report-types';

// Changes, issues encountered, notifications, window overrides, incidents, lessons learned and
// the appendix (failed actions' output, the journal's final hash).

export function renderChanges(data: ReportData): string {
  const c = data.changes;
  const out = ['## Changes', ''];
  if (!c.recorded) {
    out.push('No changes were recorded for this run: its journal has no list of commits.');
    return out.join('\n');
  }
  const range = `${c.from ? `${codeSpan(c.from)} ` : ''}to ${codeSpan(c.to ?? 'the new version')}`;
  if (c.commits.length === 0) {
    out.push(`No commits from ${range}.`);
    return out.join('\n');
  }
  out.push(`${plural(c.commits.length, 'commit')} from ${range}:`, '');
  out.push(
    table(
      ['Commit', 'Author', 'Date', 'Subject'],
      c.commits.map((commit) => [
        codeSpan(commit.hash.slice(0, 12)),
        escapeCell(commit.author),
        escapeCell(commit.date),
        escapeCell(commit.subject),
      ]),
    ),
  );
  if (c.truncated) out.push('', `Only the first ${c.commits.length} commits were recorded; the range holds more.`);
  return out.join('\n');
}

export function renderIssues(data: ReportData): string {
  const out = ['## Issues encountered', ''];
  if (data.issues.length === 0) {
    out.push('None.');
    return out.join('\n');
  }
  out.push(
    table(
      ['When (UTC)', 'About', 'What happened', 'By'],
      data.issues.map((issue) => [
        formatTime(issue.at),
        codeSpan(issue.subject),
        `${issue.counted ? '' : '↳ '}${escapeCell(issue.summary)}`,
        escapeCell(issue.by),
      ]),
    ),
  );
  return out.join('\n');
}

/** Notifications, window overrides and incidents: sections that appear only when the run has them. */
export function renderOptionalSections(data: ReportData): string[] {
  const sections: string[] = [];
  const { sent, failed } = data.notifications;
  if (sent > 0 || failed.length > 0) {
    const lines = [
      '## Notifications',
      '',
      `${plural(sent, 'notification')} sent, ${plural(failed.length, 'failed attempt')}.`,
    ];
    if (failed.length > 0)
      lines.push(
        '',
        table(
          ['When (UTC)', 'Channel', 'Kind', 'Trigger', 'Attempt', 'Error', 'Gave up'],
          failed.map((f) => [
            formatTime(f.at),
            escapeCell(f.channel),
            escapeCell(f.kind),
            escapeCell(f.trigger),
            String(f.attempt),
            escapeCell(f.error),
            f.final ? '⚠ yes' : 'no, retried',
          ]),
        ),
      );
    sections.push(lines.join('\n'));
  }
  if (data.windowOverrides.length > 0) {
    sections.push(
      [
        '## Deployment window overrides',
        '',
        table(
          ['When (UTC)', 'Rule', 'Reason', 'By', 'Role'],
          data.windowOverrides.map((o) => [
            formatTime(o.at),
            escapeCell(o.rule),
            escapeCell(o.reason),
            escapeCell(o.by),
            escapeCell(o.role),
          ]),
        ),
      ].join('\n'),
    );
  }
  if (data.incidents.length > 0) {
    const lines = data.incidents.map((i) => {
      // A file path as a link destination: angle brackets allow spaces and parentheses; the few
      // characters that could end it early are percent-encoded.
      const target = i.path.replace(/[<>\r\n\\]/g, encodeURIComponent);
      const link = target ? `[${escapeInline(i.id)}](<${target}>)` : escapeInline(i.id);
      return `- ${link} opened at ${formatTime(i.at)}: ${escapeInline(i.reason)}`;
    });
    sections.push(['## Incidents', '', ...lines].join('\n'));
  }
  return sections;
}

export function renderLessons(data: ReportData): string {
  const out = ['## Lessons learned', ''];
  const lessons = data.lessons;
  if (!lessons || lessons.text.trim() === '') {
    out.push('No lessons were recorded.');
    return out.join('\n');
  }
  out.push(escapeBlock(lessons.text));
  if (lessons.by && !lessons.unsaved)
    out.push('', `Recorded by ${escapeInline(lessons.by)}${lessons.at ? ` at ${formatTime(lessons.at)}` : ''}.`);
  return out.join('\n');
}

export function renderAppendix(data: ReportData): string {
  const out = ['## Appendix', ''];
  if (data.failedActions.length > 0) {
    out.push('### Output of failed actions');
    for (const f of data.failedActions) {
      out.push(
        '',
        `#### ${codeSpan(f.action)} ${escapeInline(f.title)} — attempt ${f.attempt}, ${formatTime(f.at)}`,
        '',
        `Error: ${escapeInline(f.error.message)} (${codeSpan(f.error.code)})`,
        '',
        f.tail.length > 0 ? fencedCode(f.tail, 'text') : 'The action printed no output.',
      );
    }
    out.push('');
  }
  out.push('### Journal', '');
  out.push(`- **Events**: ${data.journal.events}`);
  out.push(`- **Final hash**: ${data.journal.finalHash ? codeSpan(data.journal.finalHash) : 'not recorded'}`);
  out.push(
    `- **Check**: ${codeSpan(`release-pilot verify ${data.runId}`)} prints the journal's final hash, which matches the one above while the journal holds ${data.journal.events} events.`,
  );
  if (data.generatedAt) out.push(`- **Report generated**: ${formatTime(data.generatedAt)}`);
  return out.join('\n');
}
