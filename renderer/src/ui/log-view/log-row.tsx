import { memo } from 'react';
import { parseAnsi } from './ansi';
import { formatCount } from './format-count';
import { lineSeverity } from './line-severity';
import type { LogLine } from './log-line';
import type { CompiledQuery } from './matcher';
import { splitSegments } from './segments';

/** Longer lines are cut on screen (a minified bundle in a log would stall layout); Copy and Save keep all. */
const maxShownChars = 4000;

export interface LogRowProps {
  line: LogLine;
  search: CompiledQuery;
  /** The search result Enter / Shift+Enter moved to. */
  current: boolean;
  /** Which of the source palette colours the badge wears. */
  tone: number;
  /** Shows when the line arrived, before its source. */
  showTime: boolean;
  /** Wrapped rows vary in height: the virtual list measures each through this ref. */
  measure?: (element: HTMLElement | null) => void;
  index?: number;
}

/** `06:59:27.123`, in the local zone: log times are read against a wall clock, to the millisecond. */
export function formatLineTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** One fixed-height row: source badge, then the text with its colours and search marks. */
export const LogRow = memo(function LogRow({ line, search, current, tone, showTime, measure, index }: LogRowProps) {
  const cut = line.text.length > maxShownChars;
  const spans = parseAnsi(cut ? line.text.slice(0, maxShownChars) : line.text);
  const ranges = search.kind === 'ok' ? search.ranges(line.plain) : [];
  const segments = splitSegments(spans, ranges);
  // Coloured by what the line says (an "[emerg]" on stdout is red, "syntax is ok" on stderr is not).
  const severity = line.stream === 'info' ? undefined : lineSeverity(line.plain);
  const classes = [
    'log-row',
    `log-stream-${line.stream}`,
    severity ? `log-level-${severity}` : '',
    current ? 'log-row-current' : '',
  ].filter(Boolean);
  return (
    <div
      ref={measure}
      data-index={index}
      className={classes.join(' ')}
      data-seq={line.seq}
      data-source={line.source}
      data-stream={line.stream}
      data-severity={severity}
    >
      {showTime ? (
        <time className="log-time" dateTime={line.at === undefined ? undefined : new Date(line.at).toISOString()}>
          {line.at === undefined ? '' : formatLineTime(line.at)}
        </time>
      ) : null}
      <span className={`log-source log-source-${tone}`} title={`${line.source} (${line.stream})`}>
        {line.source}
      </span>
      <span className="log-text">
        {segments.map((segment, i) => {
          const key = `${i}`;
          if (segment.mark) {
            return (
              <mark key={key} className={segment.className || undefined}>
                {segment.text}
              </mark>
            );
          }
          return segment.className ? (
            <span key={key} className={segment.className}>
              {segment.text}
            </span>
          ) : (
            segment.text
          );
        })}
        {cut ? (
          <span className="log-cut">
            {' '}
            … {formatCount(line.text.length - maxShownChars)} more characters (Copy or Save keeps the whole line)
          </span>
        ) : null}
      </span>
    </div>
  );
});
