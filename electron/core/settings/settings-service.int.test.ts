import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/api/schemas/settings';
import { recordingLogger } from '../test-support/recording-logger';
import { useTempDirs } from '../test-support/temp-dir';
import { createConfSettings } from './conf-store';
import { createSettingsService } from './settings-service';

describe('settings on conf (real files)', () => {
  const tempDir = useTempDirs();

  it('starts from defaults and persists an update across restarts', () => {
    const dir = tempDir();
    const { logger } = recordingLogger();
    const first = createSettingsService(createConfSettings(dir, logger), logger, () => {});
    expect(first.get()).toEqual(defaultSettings);
    first.update({ operatorName: 'Ada Lovelace', operatorRole: 'DevOps Engineer', theme: 'dark' });
    const second = createSettingsService(createConfSettings(dir, logger), logger, () => {});
    expect(second.get()).toMatchObject({
      operatorName: 'Ada Lovelace',
      operatorRole: 'DevOps Engineer',
      theme: 'dark',
    });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).operatorName).toBe('Ada Lovelace');
  });

  it('announces every change', () => {
    const dir = tempDir();
    const { logger } = recordingLogger();
    const seen: string[] = [];
    const service = createSettingsService(createConfSettings(dir, logger), logger, (s) => seen.push(s.theme));
    service.update({ theme: 'light' });
    expect(seen).toEqual(['light']);
  });

  it('keeps the good fields of a hand-edited file and names the bad one', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'settings.json'),
      JSON.stringify({ operatorName: 'Grace', theme: 'neon', recentProjects: 'x' }),
    );
    const { logger, lines } = recordingLogger();
    const service = createSettingsService(createConfSettings(dir, logger), logger, () => {});
    expect(service.get()).toEqual({ ...defaultSettings, operatorName: 'Grace' });
    const warned = lines.filter((l) => l.level === 'warn').map((l) => l.fields?.field);
    expect(warned).toEqual(['theme', 'recentProjects']);
  });

  it('moves a corrupt settings file aside instead of losing it, and starts on defaults', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{"operatorName": "Grace",');
    const { logger, lines } = recordingLogger();
    const service = createSettingsService(createConfSettings(dir, logger), logger, () => {});
    expect(service.get()).toEqual(defaultSettings);
    const aside = readdirSync(dir).filter((name) => name.startsWith('settings.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{"operatorName": "Grace",');
    expect(lines.find((l) => l.level === 'warn')?.fields).toMatchObject({ movedTo: join(dir, aside[0]!) });
    service.update({ operatorName: 'Grace' });
    expect(existsSync(join(dir, 'settings.json'))).toBe(true);
  });
});
