import { basename } from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { NotificationsPreview } from '../../../shared/api/schemas/notifications';
import { previewNotifications } from '../../../shared/notify/preview';
import { sampleRunState } from '../../../shared/notify/sample-run';
import { loadEnvironmentsFile } from '../formats/load-environments';
import { isRecord } from '../formats/yaml-source';
import { loadNotificationsFile } from './load-notifications';

// `notifications:preview`: the project's channels and what each would be sent for a run against
// one environment, made from a sample run so it works before any run exists.

export interface PreviewRequest {
  root: string;
  environment: string;
  /** Who the sample run is started by (the operator's name from Settings). */
  operator?: string;
}

/** Where a finished run's report will be, as the preview shows it. */
const sampleReport = {
  path: '<data>/runs/<run-id>/report.md',
  markdown: '# Deployment report\n\nThe finished run attaches its report here.\n',
};

export async function previewProjectNotifications(request: PreviewRequest): Promise<NotificationsPreview> {
  const envFile = await loadEnvironmentsFile(request.root);
  const raw = isRecord(envFile.raw) && isRecord(envFile.raw.environments) ? envFile.raw.environments : undefined;
  const names = envFile.environments ? Object.keys(envFile.environments) : raw ? Object.keys(raw) : undefined;
  if (names && !names.includes(request.environment)) {
    throw new ApiError(
      'not-found',
      `environment "${request.environment}" is not defined in ${envFile.file} (defined: ${names.join(', ') || 'none'})`,
      { environment: request.environment, file: envFile.file },
    );
  }
  const loaded = await loadNotificationsFile(request.root, names);
  const base = { file: loaded.file, missing: loaded.missing, problems: loaded.problems };
  const hasErrors = loaded.problems.some((p) => p.severity === 'error');
  if (!loaded.config || hasErrors) return { ...base, channels: [] };
  const environment = envFile.environments?.[request.environment];
  const sample = sampleRunState({
    project: basename(request.root),
    environment: request.environment,
    operator: request.operator,
    approvals: environment?.approvals.length ? environment.approvals : undefined,
  });
  return { ...base, channels: previewNotifications(loaded.config, sample, { report: sampleReport }) };
}
