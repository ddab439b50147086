import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunReport } from '../../../../shared/api/schemas/report';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';

// The report of one run, rendered by the host from the journal with the lessons being typed.
// Typing re-renders after a short pause; an answer to an older request never replaces a newer one.

const typingPauseMs = 300;

export interface RunReportState {
  phase: 'loading' | 'ready' | 'failed';
  report?: RunReport;
  /** The lessons the shown markdown was rendered with (undefined: the recorded ones). */
  renderedWith?: string;
  error?: string;
}

export function useRunReport(runId: string, lessons: string | undefined) {
  const [state, setState] = useState<RunReportState>({ phase: 'loading' });
  const latest = useRef(0);

  const fetchReport = useCallback(
    async (withLessons: string | undefined): Promise<RunReport> => {
      const ticket = ++latest.current;
      setState((current) => ({ ...current, phase: current.report ? current.phase : 'loading', error: undefined }));
      try {
        const report = await api.runs.report({ runId, lessons: withLessons });
        if (ticket === latest.current) setState({ phase: 'ready', report, renderedWith: withLessons });
        return report;
      } catch (error) {
        if (ticket === latest.current)
          setState((current) => ({ ...current, phase: 'failed', error: errorMessage(error) }));
        throw error;
      }
    },
    [runId],
  );

  useEffect(() => {
    const timer = window.setTimeout(
      () => void fetchReport(lessons).catch(() => undefined),
      lessons === undefined ? 0 : typingPauseMs,
    );
    return () => window.clearTimeout(timer);
  }, [fetchReport, lessons]);

  /** A report the host answered by other means (after saving lessons): shown at once. */
  const show = useCallback((report: RunReport) => {
    latest.current += 1;
    setState({ phase: 'ready', report, renderedWith: undefined });
  }, []);

  /** The markdown as of the lessons given, fetching only when the preview is behind them. */
  const current = useCallback(
    async (withLessons: string | undefined): Promise<string> => {
      if (state.report && state.renderedWith === withLessons) return state.report.markdown;
      return (await fetchReport(withLessons)).markdown;
    },
    [fetchReport, state.report, state.renderedWith],
  );

  return { ...state, reload: () => fetchReport(lessons), show, current };
}
