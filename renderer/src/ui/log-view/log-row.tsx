import { memo } from 'react';
import { parseAnsi } from './ansi';
import { formatCount } from './format-count';
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
}

/** One fixed-height row: source badge, then the text with its colours and search marks. */
export const LogRow = memo(function LogRow({ line, search, current, tone }: LogRowProps) {
  const cut = line.text.length > maxShownChars;
  const spans = parseAnsi(cut ? line.text.slice(0, maxShownChars) : line.text);
  const ranges = search.kind === 'ok' ? search.ranges(line.plain) : [];
  const segments = splitSegments(spans, ranges);
  const classes = ['log-row', `log-stream-${line.stream}`, current ? 'log-row-current' : ''].filter(Boolean);
  return (
    <div className={classes.join(' ')} data-seq={line.seq} data-source={line.source}>
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
