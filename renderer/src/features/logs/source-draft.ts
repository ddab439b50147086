import type { z } from 'zod';
import {
  type FollowRequest,
  type LogSourceKind,
  type LogTargets,
  localHost,
} from '../../../../shared/api/schemas/log-sources';

// The add-source dialog's fields, kept as a session draft (a reload or a refused follow loses
// nothing typed), defaulted from the environment, checked before anything is sent, and turned
// into the `logs:follow` request.

export interface SourceDraft {
  projectId: string;
  environment: string;
  kind: LogSourceKind;
  host: string;
  container: string;
  path: string;
  unit: string;
}

export const emptySourceDraft: SourceDraft = {
  projectId: '',
  environment: '',
  kind: 'file',
  host: '',
  container: '',
  path: '',
  unit: '',
};

const kinds: readonly LogSourceKind[] = ['container', 'file', 'journal'];

export function isSourceDraft(value: unknown): value is SourceDraft {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    (Object.keys(emptySourceDraft) as Array<keyof SourceDraft>).every((key) => typeof record[key] === 'string') &&
    kinds.includes(record.kind as LogSourceKind)
  );
}

export interface HostChoice {
  value: string;
  label: string;
}

/** The hosts a source of this kind may run on, the default first. */
export function hostChoices(targets: LogTargets | undefined, kind: LogSourceKind): HostChoice[] {
  if (!targets) return [];
  const label = (name: string) =>
    name === localHost ? 'This machine (local)' : (targets.hosts.find((h) => h.name === name)?.label ?? name);
  if (kind === 'container') {
    return targets.docker.hosts.map((name) => ({
      value: name,
      label: name === localHost ? `This machine (${targets.docker.label})` : label(name),
    }));
  }
  // A file or journal is usually on a host of the environment; this machine comes last.
  return [
    ...targets.hosts.map((h) => ({ value: h.name, label: h.label })),
    { value: localHost, label: label(localHost) },
  ];
}

/** Fills what the environment decides (host, and the environment itself) and clears choices it no longer offers. */
export function withDefaults(draft: SourceDraft, all: readonly LogTargets[], preferred?: string): SourceDraft {
  const names = all.map((t) => t.environment);
  let environment = draft.environment;
  if (!names.includes(environment)) environment = preferred && names.includes(preferred) ? preferred : (names[0] ?? '');
  const choices = hostChoices(
    all.find((t) => t.environment === environment),
    draft.kind,
  ).map((c) => c.value);
  const host = choices.includes(draft.host) ? draft.host : (choices[0] ?? '');
  return environment === draft.environment && host === draft.host ? draft : { ...draft, environment, host };
}

export type SourceErrors = Partial<Record<'environment' | 'host' | 'container' | 'path' | 'unit', string>>;

/** The engine's rules (shared/api/schemas/log-sources.ts), said before a round trip. */
export function validateSource(draft: SourceDraft, targets: LogTargets | undefined): SourceErrors {
  const errors: SourceErrors = {};
  if (!draft.environment) errors.environment = 'Choose the environment whose hosts to read from.';
  if (!draft.host) errors.host = 'Choose where the source is.';
  if (draft.kind === 'container') {
    const name = draft.container.trim();
    if (!name && !targets?.container) errors.container = 'Name the container: this environment has no app container.';
    else if (name && !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/.test(name))
      errors.container = 'A container name or id: letters, digits and _ . - only.';
  }
  if (draft.kind === 'file') {
    const path = draft.path.trim();
    if (!path) errors.path = 'Give the path of the log file.';
    else if (!path.startsWith('/')) errors.path = 'Give an absolute path, such as /var/log/nginx/error.log.';
  }
  if (draft.kind === 'journal') {
    const unit = draft.unit.trim();
    if (!unit) errors.unit = 'Name the systemd unit, such as nginx.service.';
    else if (unit.startsWith('-') || !/^[A-Za-z0-9_.@:\\-]{1,256}$/.test(unit))
      errors.unit = 'A unit name: letters, digits and _ . @ : - only, not starting with -.';
  }
  return errors;
}

export function followRequest(draft: SourceDraft): z.input<typeof FollowRequest> {
  const base = { projectId: draft.projectId, environment: draft.environment };
  switch (draft.kind) {
    case 'container': {
      const container = draft.container.trim();
      return { ...base, source: { kind: 'container', host: draft.host, ...(container ? { container } : {}) } };
    }
    case 'file':
      return { ...base, source: { kind: 'file', host: draft.host, path: draft.path.trim() } };
    case 'journal':
      return { ...base, source: { kind: 'journal', host: draft.host, unit: draft.unit.trim() } };
  }
}

/** Which field an engine refusal is about (`details.field`), so the error shows beside it. */
export function errorField(details: Record<string, unknown> | undefined): keyof SourceErrors | undefined {
  const field = typeof details?.field === 'string' ? details.field.replace(/^source\./, '') : undefined;
  return field === 'host' || field === 'container' || field === 'path' || field === 'unit' || field === 'environment'
    ? field
    : undefined;
}
