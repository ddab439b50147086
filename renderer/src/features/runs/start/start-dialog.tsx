import { useEffect, useState } from 'react';
import { strategies } from '../../../../../shared/formats/runbook-schema';
import { blockingGuards } from '../../../../../shared/runs/start-guard';
import { api } from '../../../api/client';
import { navigate } from '../../../app/navigation';
import { hrefFor } from '../../../app/routes';
import { useSessionDraft } from '../../../lib/use-session-draft';
import { Banner } from '../../../ui/banner';
import { Button } from '../../../ui/button';
import { FormField } from '../../../ui/form-field';
import { Select } from '../../../ui/input';
import { useProjects } from '../../projects/projects-store';
import { useSettings } from '../../settings/settings-store';
import { Dialog } from '../dialogs/dialog';
import { Play } from '../run-icons';
import { clearReview, reviewTicksFor } from './carried-ticks';
import { PreviewPane } from './preview-pane';
import { previewProblems } from './preview-problems';
import {
  emptyStartDraft,
  isStartDraft,
  previewable,
  type StartDraft,
  startRequest,
  validateStart,
} from './start-draft';
import { readStartFailure, type StartFailure } from './start-error';
import { StartFailureView } from './start-failure-view';
import { usePreview } from './use-preview';
import { useStartOptions } from './use-start-options';
import { VersionField } from './version-field';
import './start-dialog.css';

// The start dialog (#/runs/new): project, runbook, environment, version and strategy, the plan
// previewed live beside them, then "Start run". What is chosen is a session draft: a refused
// start or a reload keeps every field.

/** Rendered while the address is #/runs/new; leaving the address (Escape, Cancel) closes it. */
export function StartDialog() {
  const projects = useProjects((state) => state.projects);
  const operatorName = useSettings((state) => state.settings?.operatorName.trim() ?? '');
  const settingsReady = useSettings((state) => state.phase === 'ready');
  const { draft: saved, update, discard } = useSessionDraft('run-start', isStartDraft);
  const draft: StartDraft = saved ?? { ...emptyStartDraft, projectId: projects[0]?.id ?? '' };
  const options = useStartOptions(draft.projectId);
  const runbooks = options.runbooks.value ?? [];
  const environments = options.environments.value ?? [];
  const needsRunbook = runbooks.length > 1;
  const [errors, setErrors] = useState<Partial<Record<keyof StartDraft, string>>>({});
  const [failure, setFailure] = useState<StartFailure>();
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string>();
  const preview = usePreview(draft, previewable(draft, needsRunbook));
  const guards = preview.kind === 'ready' ? preview.preview.guards : [];
  // A window refusal the preview found asks for the override at once, not after a refused start.
  const windowRefused = guards.some((g) => g.outcome === 'refused' && g.lift === 'window-override');
  const overrideAsked = failure?.windowRule !== undefined || draft.windowOverride !== '' || windowRefused;
  // A guard the start would refuse on, and nothing but fixing its cause lifts: Start stays off.
  const refusing = blockingGuards(guards);

  const change = (patch: Partial<StartDraft>) => {
    update({ ...draft, ...patch });
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as Array<keyof StartDraft>) delete next[key];
      return next;
    });
  };

  // A project with one environment or one runbook needs no choice; a choice that vanished is cleared.
  useEffect(() => {
    if (options.phase !== 'ready') return;
    const patch: Partial<StartDraft> = {};
    const envNames = environments.map((e) => e.name);
    if (draft.environment && !envNames.includes(draft.environment)) patch.environment = '';
    if (!draft.environment && envNames.length === 1) patch.environment = envNames[0]!;
    if (draft.runbook && !runbooks.some((r) => r.id === draft.runbook)) patch.runbook = '';
    if (Object.keys(patch).length) update({ ...draft, ...patch });
  }, [options.phase, environments, runbooks, draft, update]);

  // A version no run could take is said while it is typed, not only on Start.
  const liveVersionError = draft.version.trim()
    ? validateStart(draft, { needsRunbook: false, overrideAsked: false }).version
    : undefined;
  const blocked = preview.kind === 'ready' && previewProblems(preview.preview).some((p) => p.blocking);
  const submit = async () => {
    const found = validateStart(draft, { needsRunbook, overrideAsked });
    setErrors(found);
    if (Object.keys(found).length || refusing.length > 0) return;
    // Enter in a field submits too: a run starts only from a plan the person has seen.
    if (preview.kind !== 'ready') {
      setNotice(
        preview.kind === 'failed'
          ? 'This run cannot be planned: change what the plan on the right names, then start.'
          : 'The plan is not previewed yet: wait for it on the right, then start.',
      );
      return;
    }
    setStarting(true);
    setFailure(undefined);
    try {
      const runbook = preview.preview.runbook;
      const preTicks = await reviewTicksFor(draft.projectId, runbook);
      const { runId } = await api.runs.start({
        ...startRequest(draft, overrideAsked),
        preTicks: preTicks.length ? preTicks : undefined,
      });
      if (preTicks.length) await clearReview(draft.projectId, runbook);
      discard();
      navigate('runs', runId);
    } catch (error) {
      // Every field stays as typed (the draft); the failure says what to change.
      setFailure(readStartFailure(error));
    } finally {
      setStarting(false);
    }
  };

  const close = () => navigate('runs');
  const footer = (
    <>
      <Button onClick={close}>Cancel</Button>
      <Button
        type="submit"
        variant="primary"
        icon={Play}
        busy={starting}
        disabled={projects.length === 0 || refusing.length > 0}
        aria-disabled={preview.kind !== 'ready' || undefined}
        className={preview.kind === 'ready' ? undefined : 'start-waiting'}
      >
        {overrideAsked ? 'Start with override' : 'Start run'}
      </Button>
    </>
  );
  const status =
    notice && preview.kind !== 'ready' ? (
      <span className="start-blocked" role="status">
        {notice}
      </span>
    ) : refusing.length > 0 ? (
      <span className="start-blocked" role="status">
        The start would be refused: {refusing.map((g) => g.detail).join('; ')}
      </span>
    ) : windowRefused ? (
      // "Checked" would read as all clear: the start is refused unless the override is given.
      <span className={draft.windowOverride.trim() ? undefined : 'start-blocked'}>
        Outside the deployment window:{' '}
        {draft.windowOverride.trim()
          ? 'the run starts with your override, journaled with your name and role.'
          : 'write why it must start now (left) to start with an override.'}
      </span>
    ) : blocked ? (
      <span className="start-blocked">The preview shows problems: the run would stop on them.</span>
    ) : preview.kind === 'ready' ? (
      'Checked: the plan on the right is what will run.'
    ) : preview.kind === 'failed' ? (
      // Both are chosen and the plan was refused (a version that does not exist, a broken file):
      // "choose an environment and a version" would send the person looking in the wrong place.
      <span className="start-blocked">This run cannot be planned: the reason is on the right.</span>
    ) : preview.kind === 'loading' ? (
      'Planning the run…'
    ) : (
      'Choose an environment and a version to preview the plan.'
    );

  return (
    <Dialog
      size="xl"
      title="New run"
      description="Choose what to deploy where. The plan is previewed before anything runs."
      onClose={close}
      onSubmit={() => void submit()}
      footer={footer}
      status={status}
    >
      {projects.length === 0 ? (
        <Banner tone="info" title="No project is open">
          Open a project on the <a href={hrefFor('dashboard')}>Dashboard</a> first: a run deploys one of its versions.
        </Banner>
      ) : (
        <div className="start-layout">
          <div className="start-fields">
            {settingsReady && !operatorName ? (
              <Banner tone="warning" title="Set your name first">
                Every sign-off records who gave it. <a href={hrefFor('settings')}>Open Settings</a>, then come back:
                this dialog keeps what you chose.
              </Banner>
            ) : null}
            <FormField label="Project" error={errors.projectId ?? options.runbooks.error}>
              {(control) => (
                <Select
                  {...control}
                  value={draft.projectId}
                  onChange={(event) => change({ projectId: event.target.value, runbook: '', environment: '' })}
                >
                  {projects.map((project) => (
                    <option key={project.id} value={project.id}>
                      {project.name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            {needsRunbook ? (
              <FormField label="Runbook" error={errors.runbook}>
                {(control) => (
                  <Select
                    {...control}
                    value={draft.runbook}
                    onChange={(event) => change({ runbook: event.target.value })}
                  >
                    <option value="">Choose a runbook…</option>
                    {runbooks.map((runbook) => (
                      <option key={runbook.id} value={runbook.id} disabled={runbook.problems.length > 0}>
                        {runbook.title}
                        {runbook.problems.length ? ' — has errors' : ''}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            ) : null}
            <FormField label="Environment" error={errors.environment ?? options.environments.error}>
              {(control) => (
                <Select
                  {...control}
                  value={draft.environment}
                  onChange={(event) => change({ environment: event.target.value })}
                >
                  <option value="">{options.phase === 'loading' ? 'Loading…' : 'Choose an environment…'}</option>
                  {environments.map((env) => (
                    <option key={env.name} value={env.name}>
                      {env.name}
                      {env.protected ? ' — protected' : ''}
                      {env.hostCount ? ` (${env.hostCount} host${env.hostCount === 1 ? '' : 's'})` : ''}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <VersionField
              value={draft.version}
              onChange={(version) => change({ version })}
              versions={options.versions.value}
              loadError={options.versions.error}
              error={errors.version ?? liveVersionError}
            />
            <FormField label="Strategy" hint="How the new version replaces the live one.">
              {(control) => (
                <Select
                  {...control}
                  value={draft.strategy}
                  onChange={(event) => change({ strategy: event.target.value })}
                >
                  <option value="">
                    Runbook default
                    {preview.kind === 'ready' && preview.preview.defaultStrategy
                      ? ` (${preview.preview.defaultStrategy})`
                      : ''}
                  </option>
                  {strategies.map((name) => (
                    <option key={name} value={name}>
                      {name}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            {overrideAsked ? (
              <FormField
                label="Reason to start outside the deployment window"
                error={errors.windowOverride}
                hint="Journaled with your name and role; only the runbook's override roles may do this."
              >
                {(control) => (
                  <textarea
                    {...control}
                    className="input dialog-textarea"
                    rows={3}
                    value={draft.windowOverride}
                    onChange={(event) => change({ windowOverride: event.target.value })}
                  />
                )}
              </FormField>
            ) : null}
            {failure ? <StartFailureView failure={failure} /> : null}
          </div>
          <PreviewPane state={preview} />
        </div>
      )}
    </Dialog>
  );
}
