import { mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { ApiError } from '../../shared/api/errors';
import { type ApiHandlers, createEventHub, type EventSink } from '../../shared/api/handlers';
import type { AppInfo } from '../../shared/api/schemas/app-info';
import { renderPlanMarkdown } from '../../shared/planning/plan-markdown';
import { demoHandlers } from './demo/demo-handlers';
import { environmentHandlers } from './environments/environment-handlers';
import { createLogSources } from './log-sources/log-source-handlers';
import { monitoringHandlers } from './monitoring-api/monitoring-handlers';
import { previewProjectNotifications } from './notify/preview-service';
import { loadDeploymentPlan } from './planning/load-plan';
import type { EnginePorts, Logger } from './ports';
import { readEnvironmentSummaries, readRunbookSummaries } from './projects/project-files';
import { projectIdOf, resolveProjectRoot, summarizeProject } from './projects/project-service';
import { projectVersions } from './projects/project-versions';
import { reportHandlers } from './report/report-handlers';
import { reviewHandlers } from './reviews/review-handlers';
import { toApiError } from './run/run-api-errors';
import { previewRun } from './run/run-preview';
import { createRunService, type RunService } from './run/run-service';
import { getRun, listRuns } from './runs/run-store';
import { envSecrets } from './secrets/env-secrets';
import { createSettingsService } from './settings/settings-service';

export interface Engine {
  handlers: ApiHandlers;
  runs: RunService;
  events: EventSink;
  logger: Logger;
  info: AppInfo;
  close(): Promise<void>;
}

/**
 * The composition root. Every host (Electron main, browser host, CLI, tests) builds the engine
 * from its own ports and gets the same handlers; no host-specific code lives below this line.
 */
export function createEngine(ports: EnginePorts): Engine {
  const now = ports.now ?? (() => new Date());
  const logger = ports.logger;
  mkdirSync(ports.dataDir, { recursive: true });
  const events = createEventHub((error, event) =>
    logger.warn('a listener of an app event failed', { event, error: String(error) }),
  );
  const settings = createSettingsService(ports.settings, logger, (s) => events.emit('settings:changed', s));

  const info: AppInfo = {
    name: 'release-pilot',
    productName: 'Release Pilot',
    version: ports.versions.app,
    host: ports.host,
    platform: platform(),
    arch: arch(),
    versions: { node: process.versions.node, electron: ports.versions.electron, chrome: ports.versions.chrome },
    dataDir: ports.dataDir,
    startedAt: now().toISOString(),
  };

  const projectRoot = (projectId: string): string => {
    const root = settings.get().recentProjects.find((path) => projectIdOf(path) === projectId);
    if (!root) throw new ApiError('not-found', `no open project with id ${projectId}`, { projectId });
    return root;
  };

  const listProjects = () => Promise.all(settings.get().recentProjects.map(summarizeProject));
  const closeProject = async (root: string) => {
    settings.update({ recentProjects: settings.get().recentProjects.filter((p) => p !== root) });
    const projects = await listProjects();
    events.emit('projects:changed', projects);
    return projects;
  };
  const openProject = async (path: string) => {
    const root = await resolveProjectRoot(path);
    const recent = [root, ...settings.get().recentProjects.filter((p) => p !== root)].slice(0, 50);
    settings.update({ recentProjects: recent });
    logger.info('project opened', { path: root });
    const projects = await listProjects();
    events.emit('projects:changed', projects);
    return projects[0] ?? (await summarizeProject(root));
  };

  const secrets = ports.secrets ?? envSecrets();
  const secretList = () => ({ storage: secrets.storage, names: secrets.names() });
  const logSources = createLogSources({ logger, secrets, projectRoot, emit: events.emit });
  const runs = createRunService({
    dataDir: ports.dataDir,
    logger,
    secrets,
    operator() {
      const { operatorName, operatorRole } = settings.get();
      if (!operatorName.trim()) {
        throw new ApiError('invalid-request', 'set your name in Settings first: it is recorded on every sign-off', {
          field: 'operatorName',
        });
      }
      return { by: operatorName.trim(), role: operatorRole.trim() || undefined };
    },
    push: {
      event: (runId, event) => events.emit('runs:event', { runId, event }),
      output: (runId, source, stream, line) => events.emit('runs:output', { runId, source, stream, line }),
      question: (runId, question, answered, withdrawn) =>
        events.emit('runs:question', { runId, question, answered, withdrawn }),
    },
  });
  /** Run errors become API errors with a code the UI can branch on. */
  const guarded =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R> | R) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toApiError(error);
      }
    };

  const handlers: ApiHandlers = {
    'app:info': async () => info,
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => settings.update(patch),
    'projects:open': async ({ path }) => openProject(path),
    'projects:list': listProjects,
    'projects:close': async ({ projectId }) => closeProject(projectRoot(projectId)),
    'runbooks:list': async ({ projectId }) => readRunbookSummaries(projectRoot(projectId)),
    'environments:list': async ({ projectId }) => readEnvironmentSummaries(projectRoot(projectId)),
    'projects:versions': guarded(async ({ projectId }) => projectVersions(projectRoot(projectId))),
    'plans:get': guarded(async ({ projectId, environment, version, runbook, strategy }) => {
      const plan = await loadDeploymentPlan({
        projectRoot: projectRoot(projectId),
        environment,
        version,
        runbook,
        strategy,
        dataDir: ports.dataDir,
        logger,
        now: now(),
      });
      return { markdown: renderPlanMarkdown(plan), digest: plan.digest };
    }),
    'runs:list': async () => listRuns(ports.dataDir),
    'runs:get': async ({ runId }) => getRun(ports.dataDir, runId),
    'runs:preview': guarded(async ({ projectId, ...request }) =>
      previewRun({ projectRoot: projectRoot(projectId), ...request, dataDir: ports.dataDir, logger, secrets }),
    ),
    'runs:start': guarded(async ({ projectId, ...request }) => ({
      runId: await runs.start({ projectRoot: projectRoot(projectId), ...request }),
    })),
    'runs:live': guarded(async ({ runId }) => runs.live(runId)),
    'runs:answer': guarded(async ({ runId, questionId, answer }) => runs.answer(runId, questionId, answer)),
    'runs:cancel': guarded(async ({ runId }) => runs.cancel(runId)),
    'runs:rollback': guarded(async ({ runId, reason }) => runs.rollBackNow(runId, reason)),
    'runs:resume': guarded(async ({ runId }) => ({ runId: await runs.resume(runId) })),
    'runs:close': guarded(async ({ runId, reason }) => runs.close(runId, reason)),
    'runs:verify': guarded(async ({ runId }) => runs.verify(runId)),
    'runs:logs': guarded(async ({ runId, source, tail }) => runs.logs(runId, { source, tail })),
    ...reportHandlers({
      dataDir: ports.dataDir,
      secrets,
      operatorName: () => settings.get().operatorName,
      isActive: (runId) => runs.live(runId).active,
      pushEvent: (runId, event) => events.emit('runs:event', { runId, event }),
    }),
    ...monitoringHandlers({ dataDir: ports.dataDir }),
    ...logSources.handlers,
    ...reviewHandlers({ dataDir: ports.dataDir, projectRoot, now }),
    ...environmentHandlers({
      dataDir: ports.dataDir,
      logger,
      projectRoot,
      isActive: (runId) => runs.live(runId).active,
      saved: async () => events.emit('projects:changed', await listProjects()),
    }),
    ...demoHandlers({
      dataDir: ports.dataDir,
      logger,
      emit: events.emit,
      openProject,
      openPaths: () => settings.get().recentProjects,
      async closeProject(path) {
        if (settings.get().recentProjects.includes(path)) await closeProject(path);
      },
    }),
    'secrets:list': async () => secretList(),
    'secrets:set': guarded(async ({ name, value }) => {
      secrets.set(name, value);
      logger.info('secret stored', { name });
      return secretList();
    }),
    'secrets:delete': guarded(async ({ name }) => {
      secrets.delete(name);
      return secretList();
    }),
    'notifications:preview': guarded(async ({ projectId, environment }) =>
      previewProjectNotifications({
        root: projectRoot(projectId),
        environment,
        operator: settings.get().operatorName.trim() || undefined,
      }),
    ),
  };

  logger.info('engine started', { host: ports.host, dataDir: ports.dataDir, version: ports.versions.app });

  return {
    handlers,
    events,
    logger,
    info,
    runs,
    async close() {
      await logSources.close();
      logger.info('engine stopped');
    },
  };
}
