import type { RunPreview } from '../../../shared/api/schemas/runs-ui';
import type { Logger } from '../ports';
import type { SecretsPort } from '../secrets/secrets-port';
import { dryRun } from './dry-run';
import { checkRunInput, loadRunTarget } from './run-target';

// The start dialog's preview: the dry run of the run a person is about to start (every step, every
// action's plan, a deploy's stages per host, missing secrets, what cannot be planned), with what
// the dialog needs around it: the runbook's own strategy, its roles and the environment's hosts.

export interface PreviewRequest {
  projectRoot: string;
  environment: string;
  version: string;
  runbook?: string;
  strategy?: string;
  dataDir: string;
  logger: Logger;
  secrets: SecretsPort;
}

export async function previewRun(request: PreviewRequest): Promise<RunPreview> {
  // The same refusals as a start, so the preview never shows a run that could not begin.
  checkRunInput(request.version, request.strategy);
  const target = await loadRunTarget(request.projectRoot, request.environment, request.runbook);
  const run = await dryRun(request);
  return {
    runbook: run.runbook,
    runbookTitle: target.runbook.title,
    environment: run.environment,
    protected: run.protected,
    version: run.version,
    commit: run.commit,
    previousVersion: run.previousVersion,
    strategy: request.strategy ?? target.runbook.strategy,
    defaultStrategy: target.runbook.strategy,
    roles: target.runbook.roles,
    lock: run.lock,
    guards: run.guards,
    hosts: target.environment.hosts.map((host) => host.name),
    steps: run.steps.map((step) => ({
      ...step,
      items: step.items.map(({ check, ...item }) => ({ ...item, check: check?.type })),
    })),
    rollback: run.rollback,
    missingSecrets: run.missingSecrets,
  };
}
