import { useEffect, useState } from 'react';
import { formatDuration } from '../../../lib/format-time';

/** A duration: fixed once known, else counting up from `since` once a second (a running action). */
export function Elapsed({ since, durationMs }: { since?: string; durationMs?: number }) {
  const running = durationMs === undefined && since !== undefined;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  if (durationMs !== undefined) return <span className="elapsed">{formatDuration(durationMs)}</span>;
  if (since === undefined) return null;
  const ms = Math.max(0, now - new Date(since).getTime());
  return (
    <span className="elapsed elapsed-live" title="Running for">
      {formatDuration(ms)}
    </span>
  );
}
