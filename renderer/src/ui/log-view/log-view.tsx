import { type KeyboardEvent, type ReactNode, useCallback, useId, useMemo, useRef, useState } from 'react';
import { isString } from '../../lib/drafts';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Button, IconButton } from '../button';
import { copyLog as copyText, formatLines, logFileName, saveTextFile } from './log-export';
import { ArrowDownToLine, ChevronDown, ChevronUp, Copy, Download, ListFilter, Pause, Play, Search } from './log-icons';
import type { LogFeed, LogLine, LogSourceInfo } from './log-line';
import { LogRows, type LogRowsHandle } from './log-rows';
import { DroppedNotice, LogSources } from './log-sources';
import { type CompiledQuery, compileQuery } from './matcher';
import { QueryField } from './query-field';
import { useLogView } from './use-log-view';
import { useMatchCount } from './use-match-count';
import { countMatches } from './view-index';
import './ansi.css';
import './log-view.css';
import { formatCount } from './format-count';

export interface LogViewProps {
  feed: LogFeed;
  /** From the same feed's store; badges, toggles and the dropped-lines notice read it. */
  sources: readonly LogSourceInfo[];
  /** Offered by Save (`.log` is added). */
  fileName: string;
  /** The log region's accessible name. */
  label?: string;
  /** Keeps filter and search text across a reload of the window (sessionStorage). */
  stateKey?: string;
  /** Shown while there are no lines at all. */
  waiting?: ReactNode;
  /**
   * Set when no new lines can come (the run ended, or nothing drives it): says why, in place of
   * "following new lines", and the Pause/Follow button is not offered.
   */
  still?: string;
}

interface Queries {
  filter: string;
  filterRegex: boolean;
  search: string;
  searchRegex: boolean;
}

const noQueries: Queries = { filter: '', filterRegex: false, search: '', searchRegex: false };

function isQueries(value: unknown): value is Queries {
  const v = value as Partial<Queries> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    isString(v.filter) &&
    isString(v.search) &&
    typeof v.filterRegex === 'boolean' &&
    typeof v.searchRegex === 'boolean'
  );
}

const paletteSize = 8;

/**
 * Live output of several sources: virtualized, coloured, filterable and searchable, following
 * the newest line until the person scrolls away.
 */
export function LogView({ feed, sources, fileName, label = 'Log output', stateKey, waiting, still }: LogViewProps) {
  const draft = useSessionDraft(`log-view.${stateKey ?? 'default'}`, isQueries);
  const [localQueries, setLocalQueries] = useState<Queries>(noQueries);
  const queries = stateKey ? (draft.draft ?? noQueries) : localQueries;
  const setQueries = (patch: Partial<Queries>) => {
    const next = { ...queries, ...patch };
    if (stateKey) draft.update(next);
    else setLocalQueries(next);
  };

  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [following, setFollowing] = useState(true);
  // When each line arrived, shown by default: "when did that happen?" is a log's first question.
  const [showTime, setShowTime] = useState(true);
  const [wrap, setWrap] = useState(false);
  const [currentSeq, setCurrentSeq] = useState<number>();
  const [notice, setNotice] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const rows = useRef<LogRowsHandle>(null);
  const summaryId = useId();

  const filter = useMemo(
    () => compileQuery('Filter', queries.filter, queries.filterRegex),
    [queries.filter, queries.filterRegex],
  );
  const search = useMemo(
    () => compileQuery('Search', queries.search, queries.searchRegex),
    [queries.search, queries.searchRegex],
  );
  // While the filter box holds an invalid expression, the last valid filter stays applied.
  const lastValidFilter = useRef<CompiledQuery>({ kind: 'empty' });
  if (filter.kind !== 'invalid') lastValidFilter.current = filter;
  const applied = lastValidFilter.current;

  const accept = useCallback(
    (line: LogLine) => !hidden.has(line.source) && (applied.kind !== 'ok' || applied.test(line.plain)),
    [hidden, applied],
  );
  const { view, version, busy } = useLogView(feed, accept);
  const matches = useMatchCount(view, version, search, currentSeq);

  const names = sources.map((s) => s.name).join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `names` stands for the source list
  const tones = useMemo(() => new Map(sources.map((s, i) => [s.name, i % paletteSize])), [names]);
  const toneOf = useCallback((source: string) => tones.get(source) ?? 0, [tones]);

  const [pausedAt, setPausedAt] = useState<number>();
  const follow = useCallback(
    (on: boolean) => {
      setFollowing(on);
      // "N new" counts from the moment following stopped, not from each later scroll or jump.
      setPausedAt((at) => (on ? undefined : (at ?? view.at(view.length - 1)?.seq ?? -1)));
    },
    [view],
  );
  const newSincePause = pausedAt === undefined ? 0 : view.length - view.indexOfSeq(pausedAt + 1);

  const go = (direction: 1 | -1) => {
    if (search.kind !== 'ok') return;
    const at = currentSeq === undefined ? -1 : view.indexOfSeq(currentSeq);
    const from = at >= 0 && view.at(at)?.seq === currentSeq ? at : direction === 1 ? -1 : view.length;
    const index = view.find(from, direction, (line) => search.test(line.plain));
    if (index === undefined) return;
    const line = view.at(index)!;
    setCurrentSeq(line.seq);
    rows.current?.reveal(index);
    // Said once per move (the visible "3 of 10" is not live: it recounts while lines stream in).
    const { total, position } = countMatches(view, (l) => search.test(l.plain), line.seq);
    setAnnouncement(`Match ${position} of ${total}: ${line.plain.slice(0, 200)}`);
  };

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    go(event.shiftKey ? -1 : 1);
  };

  const shownSources = sources.filter((s) => !hidden.has(s.name)).length;
  const exportText = () => formatLines(view.toArray(), shownSources > 1);
  const copy = async () => {
    try {
      await copyText(exportText());
      setNotice(`Copied ${formatCount(view.length)} ${view.length === 1 ? 'line' : 'lines'}.`);
    } catch (error) {
      setNotice(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const save = () => {
    const name = logFileName(fileName);
    saveTextFile(name, exportText());
    setNotice(`Saved ${formatCount(view.length)} ${view.length === 1 ? 'line' : 'lines'} as ${name}.`);
  };

  const toggleSource = (name: string) =>
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const retained = sources.reduce((sum, s) => sum + s.retained, 0);
  const searchStatus =
    search.kind !== 'ok'
      ? undefined
      : matches.total === 0
        ? 'No matches'
        : matches.position === undefined
          ? `${formatCount(matches.total)} ${matches.total === 1 ? 'match' : 'matches'}`
          : `${matches.position} of ${formatCount(matches.total)}`;

  return (
    <div className="log-view">
      <div className="log-toolbar">
        <QueryField
          label="Filter lines"
          regexLabel="Filter by regular expression"
          icon={ListFilter}
          placeholder="Filter lines"
          value={queries.filter}
          regex={queries.filterRegex}
          error={filter.kind === 'invalid' ? filter.message : undefined}
          onChange={(text) => setQueries({ filter: text })}
          onRegexChange={(on) => setQueries({ filterRegex: on })}
        />
        <QueryField
          label="Search lines"
          regexLabel="Search by regular expression"
          icon={Search}
          placeholder="Search (Enter: next match)"
          hint="Enter: next match · Shift+Enter: previous match"
          value={queries.search}
          regex={queries.searchRegex}
          error={search.kind === 'invalid' ? search.message : undefined}
          onChange={(text) => {
            setQueries({ search: text });
            setCurrentSeq(undefined);
          }}
          onRegexChange={(on) => setQueries({ searchRegex: on })}
          onKeyDown={onSearchKey}
          status={searchStatus}
          trailing={
            <>
              <IconButton icon={ChevronUp} label="Previous match" disabled={!matches.total} onClick={() => go(-1)} />
              <IconButton icon={ChevronDown} label="Next match" disabled={!matches.total} onClick={() => go(1)} />
            </>
          }
        />
        <div className="log-actions">
          <Button
            size="sm"
            aria-pressed={showTime}
            onClick={() => setShowTime((on) => !on)}
            title="Show when each line arrived"
          >
            Times
          </Button>
          <Button size="sm" aria-pressed={wrap} onClick={() => setWrap((on) => !on)} title="Wrap long lines">
            Wrap
          </Button>
          {still ? null : following ? (
            <Button size="sm" icon={Pause} onClick={() => follow(false)} title="Stop scrolling to new lines">
              Pause
            </Button>
          ) : (
            <Button size="sm" icon={Play} onClick={() => follow(true)} title="Scroll to each new line as it arrives">
              Follow
            </Button>
          )}
          <Button size="sm" icon={Copy} onClick={() => void copy()} disabled={view.length === 0}>
            Copy
          </Button>
          <Button size="sm" icon={Download} onClick={save} disabled={view.length === 0}>
            Save .log
          </Button>
        </div>
      </div>
      <LogSources sources={sources} hidden={hidden} toneOf={toneOf} onToggle={toggleSource} />
      <DroppedNotice sources={sources} />
      <p className="log-summary" id={summaryId}>
        {formatCount(view.length)} of {formatCount(retained)} lines shown
        {still ? ` · ${still}` : following ? ' · following new lines' : ' · paused'}
        <span className="log-notice" role="status">
          {notice}
        </span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <div className="log-frame">
        <LogRows
          handle={rows}
          view={view}
          version={version}
          search={search}
          currentSeq={currentSeq}
          toneOf={toneOf}
          showTime={showTime}
          wrap={wrap}
          following={following}
          setFollowing={follow}
          busy={busy}
          label={label}
          describedBy={summaryId}
          empty={retained === 0 ? (waiting ?? 'Waiting for output…') : 'No lines match the filter.'}
        />
        {!following ? (
          <Button size="sm" variant="primary" icon={ArrowDownToLine} className="log-jump" onClick={() => follow(true)}>
            Jump to latest{newSincePause > 0 ? ` (${formatCount(newSincePause)} new)` : ''}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
