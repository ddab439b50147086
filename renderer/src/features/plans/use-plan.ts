import { useCallback, useRef, useState } from 'react';
import type { Problem } from '../../../../shared/api/schemas/common';
import type { PlanResponse } from '../../../../shared/api/schemas/plan';
import { api } from '../../api/client';
import { errorMessage } from '../../lib/error-message';
import { type PlanRequestInput, problemsOf } from './plan-draft';

// The plan the host made for the last request. A newer request's answer always wins over an older,
// slower one; a failed request keeps the last good plan on screen (marked as not matching the form).

export interface PlanState {
  phase: 'idle' | 'loading' | 'ready' | 'failed';
  plan?: PlanResponse;
  /** The request the shown plan answers. */
  planned?: PlanRequestInput;
  error?: string;
  /** The project files' problems behind a failure, each at file:line:column. */
  problems: Problem[];
}

export function usePlan() {
  const [state, setState] = useState<PlanState>({ phase: 'idle', problems: [] });
  const latest = useRef(0);

  const make = useCallback(async (request: PlanRequestInput) => {
    const ticket = ++latest.current;
    setState((current) => ({ ...current, phase: 'loading', error: undefined, problems: [] }));
    try {
      const plan = await api.plans.get(request);
      if (ticket === latest.current) setState({ phase: 'ready', plan, planned: request, problems: [] });
    } catch (error) {
      if (ticket === latest.current) {
        setState((current) => ({
          ...current,
          phase: 'failed',
          error: errorMessage(error),
          problems: problemsOf(error),
        }));
      }
    }
  }, []);

  return { ...state, make };
}
