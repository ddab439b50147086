import { useEffect, useState } from 'react';
import type { Problem } from '../../../../../shared/api/schemas/common';
import type { RunPreview } from '../../../../../shared/api/schemas/runs-ui';
import { api } from '../../../api/client';
import { errorMessage } from '../../../lib/error-message';
import { previewRequest, type StartDraft } from './start-draft';

// The dry run of the run being set up, asked for a moment after the last change (typing a version
// does not fire one request per key) and only ever shown for the choices on screen.

export type PreviewState =
  | { kind: 'idle' }
  | { kind: 'loading'; previous?: RunPreview }
  | { kind: 'ready'; preview: RunPreview }
  | { kind: 'failed'; message: string; problems: Problem[] };

const pauseMs = 350;

function problemsOf(error: unknown): Problem[] {
  const details = (error as { details?: { problems?: unknown } }).details;
  return Array.isArray(details?.problems) ? (details.problems as Problem[]) : [];
}

export function usePreview(draft: StartDraft, ready: boolean): PreviewState {
  const [state, setState] = useState<PreviewState>({ kind: 'idle' });
  const request = ready ? previewRequest(draft) : undefined;
  const key = request ? JSON.stringify(request) : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the request
  useEffect(() => {
    if (!request) {
      setState({ kind: 'idle' });
      return;
    }
    let cancelled = false;
    setState((current) => ({
      kind: 'loading',
      previous: current.kind === 'ready' ? current.preview : current.kind === 'loading' ? current.previous : undefined,
    }));
    const timer = setTimeout(() => {
      api.runs
        .preview(request)
        .then((preview) => {
          if (!cancelled) setState({ kind: 'ready', preview });
        })
        .catch((error: unknown) => {
          if (!cancelled) setState({ kind: 'failed', message: errorMessage(error), problems: problemsOf(error) });
        });
    }, pauseMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key]);

  return state;
}
