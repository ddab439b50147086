import { useEffect, useRef, useState } from 'react';
import type { LogSourceKind } from '../../../../shared/api/schemas/log-sources';
import { hrefFor } from '../../app/routes';
import { errorMessage } from '../../lib/error-message';
import { useSessionDraft } from '../../lib/use-session-draft';
import { Banner } from '../../ui/banner';
import { Button } from '../../ui/button';
import { FormField } from '../../ui/form-field';
import { Select, TextInput } from '../../ui/input';
import { LoadFailed } from '../../ui/load-failed';
import { Loading } from '../../ui/loading';
import { useProjects } from '../projects/projects-store';
import { Dialog } from '../runs/dialogs/dialog';
import { followSources } from './live-logs';
import { Plus } from './log-source-icons';
import {
  emptySourceDraft,
  errorField,
  followRequest,
  hostChoices,
  isSourceDraft,
  type SourceDraft,
  type SourceErrors,
  validateSource,
  withDefaults,
} from './source-draft';
import { SourceKindPicker } from './source-kind-picker';
import { useLogTargets } from './use-log-targets';
import './add-source-dialog.css';

export interface AddSourceDialogProps {
  /** The environment of the run on screen: the default choice. */
  preferredEnvironment?: string;
  onClose(): void;
}

/**
 * Adds a container, a file (`tail -F`) or a journal to the Logs screen. What is typed is a
 * session draft, so a refused follow (unknown host, a host that does not answer) keeps it.
 */
export function AddSourceDialog({ preferredEnvironment, onClose }: AddSourceDialogProps) {
  const projects = useProjects((state) => state.projects);
  const { draft: saved, update } = useSessionDraft('log-source-add', isSourceDraft);
  const base: SourceDraft = saved ?? { ...emptySourceDraft, projectId: projects[0]?.id ?? '' };
  const projectId = projects.some((p) => p.id === base.projectId) ? base.projectId : (projects[0]?.id ?? '');
  const targets = useLogTargets(projectId);
  const draft = withDefaults({ ...base, projectId }, targets.targets, preferredEnvironment);
  const target = targets.targets.find((t) => t.environment === draft.environment);
  const hosts = hostChoices(target, draft.kind);
  const [errors, setErrors] = useState<SourceErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const change = (patch: Partial<SourceDraft>) => {
    update({ ...draft, ...patch });
    setFailure(undefined);
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key as keyof SourceErrors];
      return next;
    });
  };

  const submit = async () => {
    if (busy) return;
    const found = validateSource(draft, target);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await followSources.add(followRequest(draft));
      // The environment, kind and host stay for the next source; what named this one does not.
      update({ ...draft, path: '', unit: '', container: '' });
      onClose();
    } catch (error) {
      const field = errorField((error as { details?: Record<string, unknown> }).details);
      if (field) setErrors({ [field]: errorMessage(error) });
      // Not sentence-cased: these start with the host's name ("web-1 (10.0.0.5:22): …"), as written in the file.
      else setFailure(`Could not follow: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const where = hosts.find((h) => h.value === draft.host)?.label ?? draft.host;
  const status = failure ? (
    <span className="dialog-error" role="alert">
      {failure}
    </span>
  ) : busy ? (
    <span role="status">Connecting to {where}…</span>
  ) : (
    'Its lines appear beside the run’s output, each source with its own colour.'
  );

  return (
    <Dialog
      title="Add a log source"
      description="Follow a container’s logs, a file with tail -F, or a systemd journal, on this machine or a host of the environment."
      onClose={onClose}
      onSubmit={() => void submit()}
      status={status}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" icon={Plus} busy={busy} disabled={!projectId}>
            Follow
          </Button>
        </>
      }
    >
      {projects.length === 0 ? (
        <Banner tone="info" title="No project is open">
          Open a project on the <a href={hrefFor('dashboard')}>Dashboard</a> first: its environments say which hosts
          there are.
        </Banner>
      ) : targets.phase === 'failed' ? (
        <LoadFailed title="Could not read the project’s environments" onRetry={targets.reload}>
          {targets.error}
        </LoadFailed>
      ) : targets.phase !== 'ready' && targets.targets.length === 0 ? (
        <Loading label="Reading the environments…" />
      ) : (
        <SourceFields
          draft={draft}
          errors={errors}
          projects={projects}
          environments={targets.targets.map((t) => t.environment)}
          hosts={hosts}
          dockerLabel={target?.docker.label}
          defaultContainer={target?.container}
          onChange={change}
        />
      )}
    </Dialog>
  );
}

interface SourceFieldsProps {
  draft: SourceDraft;
  errors: SourceErrors;
  projects: ReadonlyArray<{ id: string; name: string }>;
  environments: string[];
  hosts: ReturnType<typeof hostChoices>;
  dockerLabel?: string;
  defaultContainer?: string;
  onChange(patch: Partial<SourceDraft>): void;
}

function SourceFields({
  draft,
  errors,
  projects,
  environments,
  hosts,
  dockerLabel,
  defaultContainer,
  onChange,
}: SourceFieldsProps) {
  const first = useRef<HTMLSelectElement>(null);
  // The fields appear once the environments are read, after the dialog placed focus (on its close
  // button, as there was nothing else): the first field takes it then.
  useEffect(() => {
    if (!first.current?.closest('.dialog-body')?.contains(document.activeElement)) first.current?.focus();
  }, []);
  return (
    <>
      <div className={projects.length > 1 ? 'dialog-grid' : undefined}>
        {projects.length > 1 ? (
          <FormField label="Project">
            {(control) => (
              <Select
                {...control}
                value={draft.projectId}
                onChange={(event) => onChange({ projectId: event.target.value, environment: '', host: '' })}
              >
                {projects.map((project) => (
                  <option key={project.id} value={project.id}>
                    {project.name}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
        ) : null}
        <FormField label="Environment" error={errors.environment}>
          {(control) => (
            <Select
              {...control}
              ref={first}
              data-autofocus
              value={draft.environment}
              onChange={(event) => onChange({ environment: event.target.value, host: '' })}
            >
              {environments.length === 0 ? <option value="">No environments in this project</option> : null}
              {environments.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </Select>
          )}
        </FormField>
      </div>
      <SourceKindPicker value={draft.kind} onChange={(kind: LogSourceKind) => onChange({ kind, host: '' })} />
      <FormField
        label={draft.kind === 'container' ? 'Docker engine' : 'Host'}
        error={errors.host}
        hint={
          draft.kind === 'container' && dockerLabel
            ? `This environment reaches Docker through ${dockerLabel}.`
            : undefined
        }
      >
        {(control) => (
          <Select {...control} value={draft.host} onChange={(event) => onChange({ host: event.target.value })}>
            {hosts.map((host) => (
              <option key={host.value} value={host.value}>
                {host.label}
              </option>
            ))}
          </Select>
        )}
      </FormField>
      {draft.kind === 'container' ? (
        <FormField
          label="Container"
          error={errors.container}
          hint={defaultContainer ? `Leave empty for the app’s container, ${defaultContainer}.` : undefined}
        >
          {(control) => (
            <TextInput
              {...control}
              className="source-mono"
              value={draft.container}
              placeholder={defaultContainer ?? 'shop-api'}
              spellCheck={false}
              onChange={(event) => onChange({ container: event.target.value })}
            />
          )}
        </FormField>
      ) : draft.kind === 'file' ? (
        <FormField
          label="File"
          error={errors.path}
          hint="Followed by name with tail -F: rotation and truncation are handled."
        >
          {(control) => (
            <TextInput
              {...control}
              className="source-mono"
              value={draft.path}
              placeholder="/var/log/nginx/error.log"
              spellCheck={false}
              onChange={(event) => onChange({ path: event.target.value })}
            />
          )}
        </FormField>
      ) : (
        <FormField label="Unit" error={errors.unit} hint="journalctl -f -u <unit>, starting with its last 200 lines.">
          {(control) => (
            <TextInput
              {...control}
              className="source-mono"
              value={draft.unit}
              placeholder="nginx.service"
              spellCheck={false}
              onChange={(event) => onChange({ unit: event.target.value })}
            />
          )}
        </FormField>
      )}
    </>
  );
}
