import { useState } from 'react';
import type { PlanResponse } from '../../../../shared/api/schemas/plan';
import { errorMessage } from '../../lib/error-message';
import { copyText, downloadText } from '../../lib/text-export';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { ProblemList } from '../../ui/problem-list';
import { type PlanRequestInput, planFileName } from './plan-draft';
import { ClipboardCopy, ClipboardList, Download, Fingerprint } from './plan-icons';
import { PlanPreview } from './plan-preview';
import type { PlanState } from './use-plan';

// The plan as the host made it: its digest (what a run of this plan journals), the rendered
// markdown, and the ways to hand it to reviewers: a .md download and the clipboard.

type Notice = { tone: 'success' | 'danger'; text: string } | undefined;

export interface PlanResultProps {
  state: PlanState;
  /** What the form asks now; a plan made for something else is marked stale. */
  stale: boolean;
}

export function PlanResult({ state, stale }: PlanResultProps) {
  const [notice, setNotice] = useState<Notice>();
  const { plan, planned } = state;

  const exportPlan = (shown: PlanResponse, request: PlanRequestInput) => {
    const name = planFileName(request.environment, request.version);
    try {
      downloadText(name, shown.markdown, 'text/markdown');
      setNotice({ tone: 'success', text: `Downloaded ${name}.` });
    } catch (error) {
      setNotice({ tone: 'danger', text: `Not exported: ${errorMessage(error)}` });
    }
  };
  const copy = async (shown: PlanResponse) => {
    try {
      await copyText(shown.markdown);
      setNotice({ tone: 'success', text: 'The plan’s markdown is on the clipboard.' });
    } catch (error) {
      setNotice({ tone: 'danger', text: `Not copied: ${errorMessage(error)}` });
    }
  };

  const actions =
    plan && planned ? (
      <>
        <Button icon={Download} onClick={() => exportPlan(plan, planned)}>
          Export .md
        </Button>
        <Button icon={ClipboardCopy} onClick={() => void copy(plan)}>
          Copy
        </Button>
      </>
    ) : undefined;

  const title = planned ? `Plan: ${planned.version} to ${planned.environment}` : 'Deployment plan';
  return (
    <Panel
      title={title}
      description="Strategy, window, each step per host, stakeholders, rollback and what to watch: for review before the run."
      actions={actions}
      className="plan-result"
    >
      {state.phase === 'failed' ? (
        <Banner tone="danger" title="Could not make the plan" role="alert">
          <p>{state.error}</p>
          <ProblemList problems={state.problems} label="Problems in the project's files" />
        </Banner>
      ) : null}
      {plan ? (
        <>
          {stale && state.phase !== 'loading' ? (
            <Banner tone="warning" title="The form has changed since this plan was made">
              Choose Make plan to plan what the form now says; the plan below is for {planned?.version} to{' '}
              {planned?.environment}.
            </Banner>
          ) : null}
          <div className="plan-digest">
            <Fingerprint size={14} aria-hidden />
            <span className="plan-digest-label">Digest</span>
            <code data-testid="plan-digest">sha256:{plan.digest}</code>
            <span className="plan-notice" role="status">
              {notice ? <span className={`plan-notice-${notice.tone}`}>{notice.text}</span> : null}
            </span>
            <span className="plan-digest-hint">A run of this plan records the same digest in its journal.</span>
          </div>
          <PlanPreview text={plan.markdown} stale={stale || state.phase === 'loading'} />
        </>
      ) : state.phase === 'loading' ? (
        <Loading label="Making the plan: reading the runbook, resolving the version in git, asking which version is live…" />
      ) : state.phase === 'idle' ? (
        <EmptyState icon={ClipboardList} title="No plan yet" size="compact">
          Choose the environment and the version above, then Make plan. The plan is made from the project’s files, its
          git history and the environment’s release history; nothing is deployed or changed.
        </EmptyState>
      ) : null}
    </Panel>
  );
}
