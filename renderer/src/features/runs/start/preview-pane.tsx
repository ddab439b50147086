import { Banner } from '../../../ui/banner';
import { EmptyState } from '../../../ui/empty-state';
import { Loading } from '../../../ui/loading';
import { ProblemList } from '../../../ui/problem-list';
import { ListChecks } from '../run-icons';
import { PlanPreview } from './plan-preview';
import type { PreviewState } from './use-preview';

/** The right half of the start dialog: the plan, or why there is none yet. */
export function PreviewPane({ state }: { state: PreviewState }) {
  return (
    <section className="start-preview" aria-label="Plan preview" aria-busy={state.kind === 'loading'}>
      <h3 className="start-preview-title">Plan</h3>
      {state.kind === 'idle' ? (
        <EmptyState icon={ListChecks} title="Nothing to preview yet" size="compact">
          Choose an environment and a version: every step, command and host of the run shows here before it starts.
        </EmptyState>
      ) : null}
      {state.kind === 'loading' ? (
        <>
          <Loading label="Planning the run (resolving the version, asking the target what is live)…" />
          {state.previous ? (
            <div className="start-preview-stale" aria-hidden>
              <PlanPreview preview={state.previous} />
            </div>
          ) : null}
        </>
      ) : null}
      {state.kind === 'failed' ? (
        <Banner tone="danger" role="alert" title="This run cannot be planned">
          <p>{state.message}</p>
          {state.problems.length ? (
            <ProblemList problems={state.problems} label="Problems in the project's files" />
          ) : null}
        </Banner>
      ) : null}
      {state.kind === 'ready' ? <PlanPreview preview={state.preview} /> : null}
    </section>
  );
}
