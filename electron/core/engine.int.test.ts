import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/api/contract';
import { createEngine } from './engine';
import { createFileLogger } from './logging/logger';
import { createConfSettings } from './settings/conf-store';
import { useTempDirs } from './test-support/temp-dir';

const ctx = { transport: 'direct' as const };

function start(dataDir: string) {
  const { logger, flush, file } = createFileLogger({ dataDir, sync: true });
  const engine = createEngine({
    host: 'cli',
    dataDir,
    logger,
    settings: createConfSettings(dataDir, logger),
    versions: { app: '9.9.9' },
  });
  return { engine, flush, logFile: file };
}

function gitProject(root: string) {
  execFileSync('git', ['init', '-q', root]);
  mkdirSync(join(root, '.release-pilot', 'runbooks'), { recursive: true });
  writeFileSync(
    join(root, '.release-pilot', 'runbooks', 'deploy.yml'),
    'title: Deploy\nroles: { devops: DevOps Engineer }\nsteps:\n  - { id: a, title: A, owner: devops }\n',
  );
  writeFileSync(join(root, '.release-pilot', 'environments.yml'), 'environments:\n  staging: {}\n');
}

describe('engine (real settings file, real log file, real project)', () => {
  const tempDir = useTempDirs();

  it('reports app info from its ports', async () => {
    const data = tempDir();
    const { engine } = start(data);
    expect(await engine.handlers['app:info']({}, ctx)).toMatchObject({ version: '9.9.9', host: 'cli', dataDir: data });
  });

  it('opens a project, remembers it across restarts, and announces the change', async () => {
    const data = tempDir();
    const root = tempDir();
    gitProject(root);
    const { engine } = start(data);
    const seen: EventName[] = [];
    engine.events.subscribe((name) => seen.push(name));
    const project = await engine.handlers['projects:open']({ path: root }, ctx);
    expect(project).toMatchObject({
      name: root.split('/').pop(),
      path: realpathSync(root),
      runbookCount: 1,
      environmentCount: 1,
      problems: [],
    });
    expect(seen).toEqual(['settings:changed', 'projects:changed']);

    const again = start(data).engine;
    const listed = await again.handlers['projects:list']({}, ctx);
    expect(listed.map((p) => p.id)).toEqual([project.id]);
    expect(await again.handlers['runbooks:list']({ projectId: project.id }, ctx)).toHaveLength(1);
    expect(await again.handlers['environments:list']({ projectId: project.id }, ctx)).toHaveLength(1);
    expect(await again.handlers['projects:close']({ projectId: project.id }, ctx)).toEqual([]);
    await expect(again.handlers['runbooks:list']({ projectId: project.id }, ctx)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('writes structured JSON log lines to the data directory', async () => {
    const data = tempDir();
    const root = tempDir();
    gitProject(root);
    const { engine, flush, logFile } = start(data);
    await engine.handlers['projects:open']({ path: root }, ctx);
    flush();
    const lines = readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'engine started', host: 'cli' });
    expect(lines.find((l) => l.msg === 'project opened')).toMatchObject({ path: realpathSync(root) });
    expect(typeof lines[0].time).toBe('string');
  });
});
