import { join } from 'node:path';
import type { Problem } from '../../../shared/api/schemas/common';
import { type NotificationsConfig, NotificationsFile } from '../../../shared/formats/notifications-schema';
import { type Origin, problemAt, sortProblems, validateSource } from '../formats/load-yaml-with-schema';
import { projectFolder } from '../formats/project-layout';
import { isRecord, readYamlSource, type YamlSource } from '../formats/yaml-source';
import { CodedError } from '../lib/coded-error';

// `.release-pilot/notifications.yml`: read, validated, every problem at file:line:column with its
// field. A project without the file simply has no channels.

export const notificationsFileName = join(projectFolder, 'notifications.yml');

export interface LoadedNotifications {
  file: string;
  missing: boolean;
  /** Present when the file is valid (or missing: then no channels). */
  config?: NotificationsConfig;
  problems: Problem[];
}

const emptyConfig = (): NotificationsConfig => NotificationsFile.parse({});

/** A real, remote http(s) URL: one that would carry a real token (loopback ones are tests and demos). */
function isRemoteUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    const loopback = hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
    return (protocol === 'http:' || protocol === 'https:') && !loopback;
  } catch {
    return false;
  }
}

/** Warnings the schema cannot give: names of unknown environments, tokens written in clear. */
function crossChecks(raw: unknown, origin: Origin, environments: string[] | undefined): Problem[] {
  const channels = isRecord(raw) && Array.isArray(raw.channels) ? raw.channels : [];
  const problems: Problem[] = [];
  channels.forEach((channel: unknown, i) => {
    if (!isRecord(channel)) return;
    const url = channel.url;
    const tokenKind = channel.kind === 'slack' || channel.kind === 'teams';
    if (tokenKind && typeof url === 'string' && !url.includes('${') && isRemoteUrl(url)) {
      const message = `a ${channel.kind} webhook URL carries its token: keep it as a secret, e.g. url: \${secret:${String(channel.kind).toUpperCase()}_URL}`;
      problems.push(problemAt(origin, ['channels', i, 'url'], 'warning', message));
    }
    if (environments && Array.isArray(channel.environments)) {
      channel.environments.forEach((name: unknown, j) => {
        if (typeof name === 'string' && !environments.includes(name)) {
          const known = environments.length ? environments.join(', ') : 'none';
          const message = `environment "${name}" is not defined in environments.yml (defined: ${known})`;
          problems.push(problemAt(origin, ['channels', i, 'environments', j], 'warning', message));
        }
      });
    }
  });
  return problems;
}

/** Validates a parsed notifications file (pure: no file access). */
export function validateNotificationsSource(
  source: YamlSource,
  environments?: string[],
): Omit<LoadedNotifications, 'missing'> {
  const validated = validateSource(source, NotificationsFile);
  const extra =
    validated.raw !== undefined && validated.origin ? crossChecks(validated.raw, validated.origin, environments) : [];
  return { file: source.file, config: validated.value, problems: sortProblems([...validated.problems, ...extra]) };
}

/** Loads a notifications file anywhere on disk, naming it `displayName` in problems. */
export async function loadNotificationsAt(
  absPath: string,
  displayName: string,
  environments?: string[],
): Promise<LoadedNotifications> {
  const read = await readYamlSource(absPath, displayName);
  if (!read.source) {
    return read.missing
      ? { file: displayName, missing: true, config: emptyConfig(), problems: [] }
      : { file: displayName, missing: false, problems: read.problems };
  }
  return { ...validateNotificationsSource(read.source, environments), missing: false };
}

/** The project's `.release-pilot/notifications.yml`; `environments` (names) enables the cross-check. */
export function loadNotificationsFile(projectRoot: string, environments?: string[]): Promise<LoadedNotifications> {
  return loadNotificationsAt(join(projectRoot, notificationsFileName), notificationsFileName, environments);
}

export class NotificationsFileError extends CodedError<'invalid-notifications'> {
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    const lines = problems.map(
      (p) => `${p.file}${p.line ? `:${p.line}:${p.column ?? 1}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.message}`,
    );
    super('invalid-notifications', `${file} is not valid:\n${lines.join('\n')}`, { file, problems });
  }
}

/** The channels to notify, or a NotificationsFileError listing every error (file:line:column field: message). */
export async function readNotificationsConfig(projectRoot: string): Promise<NotificationsConfig> {
  const loaded = await loadNotificationsFile(projectRoot);
  const errors = loaded.problems.filter((p) => p.severity === 'error');
  if (!loaded.config || errors.length > 0) throw new NotificationsFileError(loaded.file, errors);
  return loaded.config;
}
