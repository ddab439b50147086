import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ProjectSummary } from '../../../../shared/api/schemas/project';
import { useSessionDraft } from '../../lib/use-session-draft';
import { EmptyState } from '../../ui/empty-state';
import { Server } from '../../ui/icons';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { Panel } from '../../ui/panel';
import { environmentsStore, useEnvironments } from '../environments/environments-store';
import { runbooksStore, useRunbooks } from '../runbooks/runbooks-store';
import { NotificationsPanel } from './notifications-panel';
import {
  isPlanDraft,
  type PlanDraftErrors,
  planRequestFrom,
  reconcileDraft,
  sameRequest,
  validatePlanDraft,
} from './plan-draft';
import { PlanForm } from './plan-form';
import { PlanResult } from './plan-result';
import { usePlan } from './use-plan';
import { useVersionSuggestions } from './use-versions';
import './plans.css';

// The plan page of one project: what to plan, the plan, and the notifications a run would send.
// Loaded as its own chunk with markdown-it, so the app's first paint does not wait for it.

export function PlanWorkspace({ project }: { project: ProjectSummary }) {
  const environments = useEnvironments(project.id);
  const runbooks = useRunbooks(project.id);
  useEffect(() => {
    void environmentsStore.getState().load(project.id);
    void runbooksStore.getState().load(project.id);
  }, [project.id]);

  const { draft: saved, update } = useSessionDraft(`plan.${project.id}`, isPlanDraft);
  const envItems = environments?.items ?? [];
  const runbookItems = runbooks?.items ?? [];
  const draft = reconcileDraft(
    saved,
    envItems.map((env) => env.name),
    runbookItems.map((runbook) => runbook.id),
  );
  const [errors, setErrors] = useState<PlanDraftErrors>({});
  const plan = usePlan();
  const versions = useVersionSuggestions(project.id);
  const request = planRequestFrom(project.id, draft);
  const ready = environments?.phase === 'ready' && runbooks?.phase !== 'loading';

  const submit = () => {
    const found = validatePlanDraft(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) void plan.make(request);
  };

  // A reload lands on the plan it showed: the restored draft is planned again once the lists are in.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !ready) return;
    restored.current = true;
    if (saved?.version.trim() && Object.keys(validatePlanDraft(draft)).length === 0) void plan.make(request);
  });

  let form: ReactNode;
  if (!environments || (environments.phase === 'loading' && envItems.length === 0)) {
    form = <Loading label={`Reading the environments of ${project.name}…`} />;
  } else if (environments.phase === 'failed') {
    form = (
      <LoadFailed
        title={`Could not read the environments of ${project.name}`}
        onRetry={() => void environmentsStore.getState().load(project.id)}
      >
        {environments.error}
      </LoadFailed>
    );
  } else if (envItems.length === 0) {
    form = (
      <EmptyState icon={Server} title={`${project.name} has no environments to plan for`} size="compact">
        Describe them in <code>.release-pilot/environments.yml</code> under <code>environments:</code>, then come back
        here.
      </EmptyState>
    );
  } else {
    form = (
      <PlanForm
        draft={draft}
        errors={errors}
        environments={envItems}
        runbooks={runbookItems}
        versions={versions}
        busy={plan.phase === 'loading'}
        onChange={(next) => {
          update(next);
          setErrors({});
        }}
        onSubmit={submit}
      />
    );
  }

  return (
    <>
      <Panel title="What to plan" description="The same choices as starting a run; nothing is deployed.">
        {form}
      </Panel>
      <PlanResult state={plan} stale={!!plan.plan && !sameRequest(plan.planned, request)} />
      {envItems.length > 0 ? <NotificationsPanel projectId={project.id} environment={draft.environment} /> : null}
    </>
  );
}
