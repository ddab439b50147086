import { mkdirSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { ApiError } from '../../shared/api/errors';
import { type ApiHandlers, createEventHub, type EventSink } from '../../shared/api/handlers';
import type { AppInfo } from '../../shared/api/schemas/app-info';
import type { EnginePorts, Logger } from './ports';
import { readEnvironmentSummaries, readRunbookSummaries } from './projects/project-files';
import { projectIdOf, resolveProjectRoot, summarizeProject } from './projects/project-service';
import { getRun, listRuns } from './runs/run-store';
import { createSettingsService } from './settings/settings-service';

export interface Engine {
  handlers: ApiHandlers;
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
  const events = createEventHub();
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

  const handlers: ApiHandlers = {
    'app:info': async () => info,
    'settings:get': async () => settings.get(),
    'settings:update': async (patch) => settings.update(patch),
    'projects:open': async ({ path }) => {
      const root = await resolveProjectRoot(path);
      const recent = [root, ...settings.get().recentProjects.filter((p) => p !== root)].slice(0, 50);
      settings.update({ recentProjects: recent });
      logger.info('project opened', { path: root });
      const projects = await listProjects();
      events.emit('projects:changed', projects);
      return projects[0] ?? (await summarizeProject(root));
    },
    'projects:list': listProjects,
    'projects:close': async ({ projectId }) => {
      const root = projectRoot(projectId);
      settings.update({ recentProjects: settings.get().recentProjects.filter((p) => p !== root) });
      const projects = await listProjects();
      events.emit('projects:changed', projects);
      return projects;
    },
    'runbooks:list': async ({ projectId }) => readRunbookSummaries(projectRoot(projectId)),
    'environments:list': async ({ projectId }) => readEnvironmentSummaries(projectRoot(projectId)),
    'runs:list': async () => listRuns(ports.dataDir),
    'runs:get': async ({ runId }) => getRun(ports.dataDir, runId),
  };

  logger.info('engine started', { host: ports.host, dataDir: ports.dataDir, version: ports.versions.app });

  return {
    handlers,
    events,
    logger,
    info,
    async close() {
      logger.info('engine stopped');
    },
  };
}
