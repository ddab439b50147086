import { formatCount } from './format-count';
import type { LogSourceInfo } from './log-line';
import './log-sources.css';

export interface LogSourcesProps {
  sources: readonly LogSourceInfo[];
  hidden: ReadonlySet<string>;
  toneOf(source: string): number;
  onToggle(source: string): void;
}

/** One toggle per source (shown / hidden), with how many lines it holds. */
export function LogSources({ sources, hidden, toneOf, onToggle }: LogSourcesProps) {
  if (sources.length === 0) return null;
  return (
    <ul className="log-sources" aria-label="Sources">
      {sources.map((source) => {
        const shown = !hidden.has(source.name);
        return (
          <li key={source.name}>
            <button
              type="button"
              className="log-chip"
              aria-pressed={shown}
              title={`${shown ? 'Hide' : 'Show'} the lines of ${source.name}`}
              onClick={() => onToggle(source.name)}
            >
              <span className={`log-chip-dot log-source-${toneOf(source.name)}`} aria-hidden />
              <span className="log-chip-name">{source.name}</span>
              <span className="log-chip-count">{formatCount(source.retained)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Says, per source, how many lines the bounded buffer let go. Not a live region: during a burst
 * the counts change every frame, and a screen reader would read nothing else.
 */
export function DroppedNotice({ sources }: { sources: readonly LogSourceInfo[] }) {
  const dropping = sources.filter((s) => s.dropped > 0);
  if (dropping.length === 0) return null;
  return (
    <div className="log-dropped">
      {dropping.map((s) => (
        <p key={s.name} data-source={s.name}>
          <strong>{s.name}</strong>: {formatCount(s.dropped)} {s.dropped === 1 ? 'line' : 'lines'} dropped — the view
          keeps the newest {formatCount(s.capacity)} lines per source.
        </p>
      ))}
    </div>
  );
}
