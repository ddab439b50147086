import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunMonitoring } from '../../../../shared/api/schemas/monitoring';
import type { RunEvent } from '../../../../shared/runs/run-event';
import { api } from '../../api/client';
import { useConnection } from '../../app/connection-store';
import { errorMessage } from '../../lib/error-message';
import { applyMonitoringEvent } from './apply-event';

// One run's monitoring: fetched once, then kept live from `runs:event` pushes. Pushes that arrive
// while the fetch is under way are held and applied after it (those it already has are skipped
// by seq), and a connection that comes back fetches again, since pushes sent meanwhile are gone.

export interface RunMonitoringState {
  phase: 'loading' | 'ready' | 'failed';
  view?: RunMonitoring;
  error?: string;
}

export function useRunMonitoring(runId: string) {
  const [state, setState] = useState<RunMonitoringState>({ phase: 'loading' });
  const held = useRef<RunEvent[] | undefined>([]);
  const ticket = useRef(0);

  const load = useCallback(async () => {
    const mine = ++ticket.current;
    held.current = [];
    setState((current) => ({ ...current, phase: current.view ? current.phase : 'loading', error: undefined }));
    try {
      let view = await api.runs.monitoring({ runId });
      if (mine !== ticket.current) return;
      for (const event of held.current ?? []) view = applyMonitoringEvent(view, event);
      held.current = undefined;
      setState({ phase: 'ready', view });
    } catch (error) {
      if (mine !== ticket.current) return;
      held.current = undefined;
      setState((current) => ({ ...current, phase: 'failed', error: errorMessage(error) }));
    }
  }, [runId]);

  useEffect(() => {
    const off = api.on('runs:event', (push) => {
      if (push.runId !== runId) return;
      if (held.current) held.current.push(push.event);
      else
        setState((current) =>
          current.view ? { ...current, view: applyMonitoringEvent(current.view, push.event) } : current,
        );
    });
    const offConnection = useConnection.subscribe((now, before) => {
      if (now.status === 'open' && before.status !== 'open' && before.hasBeenOpen) void load();
    });
    void load();
    return () => {
      off();
      offConnection();
      ticket.current += 1;
    };
  }, [runId, load]);

  return { ...state, reload: load };
}
