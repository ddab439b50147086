import type { ShownStep } from '../../../../../shared/runs/shown-run';
import { StateIcon } from './state-icon';
import { shownPresentation, shownState } from './step-state';

// The runbook's steps top to bottom, each with its owner and state; the current one marked. A
// step is a button: choosing it shows its detail beside the list.

export function RunStepper({
  steps,
  roles,
  current,
  selected,
  onSelect,
  ended = false,
}: {
  steps: readonly ShownStep[];
  roles: Record<string, string>;
  current?: string;
  selected: string | undefined;
  onSelect(stepId: string): void;
  /** The run has ended: nothing in it still reads as pending or waiting. */
  ended?: boolean;
}) {
  return (
    <nav className="stepper" aria-label="Steps of the run">
      <ol>
        {steps.map((step, index) => {
          const state = shownState(step.state, ended);
          const { label } = shownPresentation(state);
          return (
            <li key={step.id} className={`stepper-step stepper-${state}`}>
              <button
                type="button"
                className={`stepper-button${selected === step.id ? ' stepper-selected' : ''}`}
                aria-current={current === step.id ? 'step' : undefined}
                aria-pressed={selected === step.id}
                onClick={() => onSelect(step.id)}
              >
                <span className="stepper-marker">
                  <StateIcon state={state} />
                </span>
                <span className="stepper-text">
                  <span className="stepper-title">
                    <span className="stepper-number">{step.id.startsWith('@') ? '' : `${index + 1}. `}</span>
                    {step.title}
                  </span>
                  <span className="stepper-meta">
                    {roles[step.owner] ?? step.owner} · <span className="stepper-state">{label}</span>
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
