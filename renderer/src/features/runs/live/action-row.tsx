import { useState } from 'react';
import type { Question } from '../../../../../shared/api/schemas/run-control';
import type { ActionPlan } from '../../../../../shared/plans/action-plan';
import { describePlan } from '../../../../../shared/plans/describe-plan';
import type { ShownAction } from '../../../../../shared/runs/shown-run';
import { Button } from '../../../ui/button';
import { StatusBadge } from '../../../ui/status-badge';
import { ChevronDown, ChevronRight } from '../run-icons';
import { ActionOutput } from './action-output';
import { Elapsed } from './elapsed';
import type { StageView } from './run-extras';
import { StateIcon } from './state-icon';
import { shownPresentation, shownState } from './step-state';
import { WatchLive } from './watch-live';

// One action of a step: its state, attempts and duration, and a disclosure with its plan and live
// output. A running or failed action shows its output unless the person closed it.

function isPlan(value: unknown): value is ActionPlan {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

function planText(plan: unknown): string | undefined {
  if (!isPlan(plan)) return undefined;
  try {
    return describePlan(plan);
  } catch {
    return undefined;
  }
}

/** A watch action's length, from its plan. */
function watchDuration(plan: unknown): number | undefined {
  return isPlan(plan) && plan.kind === 'watch' ? plan.durationMs : undefined;
}

export function ActionRow({
  runId,
  action,
  stages,
  failure,
  still,
  onDecide,
  ended = false,
}: {
  runId: string;
  action: ShownAction;
  /** The run is not driven (ended, interrupted, or left open): its output will not grow. */
  still?: string;
  /** A deploy action's strategy stages as they progress. */
  stages?: StageView[];
  failure?: Question;
  onDecide(question: Question): void;
  /** The run has ended: an action never started reads "Not reached". */
  ended?: boolean;
}) {
  const [toggled, setToggled] = useState<boolean>();
  const open = toggled ?? (action.state === 'running' || action.state === 'failed' || action.state === 'interrupted');
  const state = shownState(action.state, ended);
  const { label, tone } = shownPresentation(state);
  const plan = planText(action.plan);
  const panelId = `action-${action.key.replace(/[^\w-]/g, '_')}`;
  return (
    <li className={`action action-${action.state}`}>
      <div className="action-head">
        <button
          type="button"
          className="action-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={`${action.title} — ${label}${action.attempts > 1 ? `, attempt ${action.attempts}` : ''}`}
          onClick={() => setToggled(!open)}
        >
          {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
          <StateIcon state={state} size={15} />
          <span className="action-title">{action.title}</span>
        </button>
        <span className="action-meta">
          <code className="action-key">{action.key}</code>
          {action.attempts > 1 ? <span className="action-attempts">attempt {action.attempts}</span> : null}
          {action.startedAt ? <Elapsed since={action.startedAt} durationMs={action.durationMs} /> : null}
          <StatusBadge tone={tone}>{label}</StatusBadge>
          {failure ? (
            <Button size="sm" variant="danger" onClick={() => onDecide(failure)}>
              Decide…
            </Button>
          ) : null}
        </span>
      </div>
      {action.error && action.state === 'failed' ? (
        <p className="action-error">
          <span className="action-error-code">{action.error.code}</span> {action.error.message}
        </p>
      ) : null}
      {action.skipReason ? <p className="action-skip">Skipped: {action.skipReason}</p> : null}
      {action.type === 'watch' && action.state === 'running' ? (
        <WatchLive runId={runId} startedAt={action.startedAt} durationMs={watchDuration(action.plan)} />
      ) : null}
      {open ? (
        <div className="action-panel" id={panelId}>
          {plan ? <code className="action-plan">{plan}</code> : null}
          {stages?.length ? (
            <ol className="action-stages" aria-label="Stages per host">
              {stages.map((stage) => (
                <li key={stage.id} className={`action-stage action-stage-${stage.state ?? 'pending'}`}>
                  <StateIcon
                    state={
                      stage.state === 'started'
                        ? 'running'
                        : stage.state === 'reverted'
                          ? 'skipped'
                          : (stage.state ?? 'pending')
                    }
                    size={13}
                  />
                  <span>{stage.title}</span>
                  {stage.hosts.length ? <span className="action-stage-hosts">{stage.hosts.join(', ')}</span> : null}
                  {stage.weight !== undefined ? <span className="action-stage-weight">{stage.weight}%</span> : null}
                  <span className="action-stage-state">{stage.state ?? 'pending'}</span>
                  {stage.detail ? <span className="action-stage-detail">{stage.detail}</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
          {action.state === 'pending' ? (
            <p className="muted">{ended ? 'Not reached: the run ended before it.' : 'Not started yet.'}</p>
          ) : (
            <ActionOutput runId={runId} actionKey={action.key} title={action.title} still={still} />
          )}
        </div>
      ) : null}
    </li>
  );
}
