// Electron cannot run on this machine (its binary cannot be downloaded here); these stand-ins
// replace dialog.showOpenDialog (a function returning the chosen folder) and dialog.showErrorBox
// (a recorder). The engine and the project folders are real.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../core/test-support/temp-dir';
import { openProjectFromDialog } from './open-project';
import { createTestEngine } from './test-support/test-engine';

function setUp(dataDir: string, picked: string | undefined) {
  const { engine, logger } = createTestEngine(dataDir);
  const errors: [string, string][] = [];
  const run = () =>
    openProjectFromDialog({
      handlers: engine.handlers,
      logger,
      pickFolder: async () => picked,
      showError: (title, message) => errors.push([title, message]),
    });
  return { engine, errors, run };
}

describe('openProjectFromDialog', () => {
  const newTemp = useTempDirs('rp-open-');
  it('opens the chosen project through the engine', async () => {
    const project = join(newTemp(), 'shop');
    mkdirSync(join(project, '.release-pilot'), { recursive: true });
    const { engine, errors, run } = setUp(newTemp(), project);
    expect(await run()).toBe(true);
    expect(errors).toEqual([]);
    const projects = await engine.handlers['projects:list']({}, { transport: 'direct' });
    expect(projects.map((p) => p.name)).toEqual(['shop']);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { errors, run } = setUp(newTemp(), undefined);
    expect(await run()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows the engine message when the folder is not a project', async () => {
    const folder = newTemp();
    const { errors, run } = setUp(newTemp(), folder);
    expect(await run()).toBe(false);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[1]).toContain(folder);
    expect(errors[0]?.[1]).toContain('.release-pilot');
  });
});
