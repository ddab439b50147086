import { resolve } from 'node:path';
import { readEnvironmentReleases, rollbackTarget } from '../../core/deploy/history/read-history';
import { createFileLogger } from '../../core/logging/logger';
import { defaultDataDir } from '../../core/paths';
import { exitCodes } from '../run/exit-codes';
import { type RunOptions, runCommand } from './run';

// `release-pilot releases`: the target's release history; `release-pilot rollback`: a run that
// deploys the release live before the current one (or a chosen older one) — no version to remember.

interface ReleasesOptions {
  project: string;
  env: string;
  dataDir?: string;
  json?: boolean;
}

export async function releasesCommand(options: ReleasesOptions): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  try {
    const releases = await readEnvironmentReleases({
      projectRoot: resolve(options.project),
      environment: options.env,
      dataDir,
      logger,
    });
    if (options.json) {
      console.log(JSON.stringify(releases, null, 2));
      return exitCodes.success;
    }
    console.log(`${releases.environment}: release history on ${releases.where}`);
    if (releases.entries.length === 0) console.log('  (empty: nothing has been deployed here by Release Pilot yet)');
    for (const entry of releases.entries) {
      const mark = entry === releases.live ? '▶' : ' ';
      // The history file says "live" of every release when it went live; only one is live now.
      const undone = releases.entries.some(
        (later) => later.status === 'rolled-back' && later.version === entry.version && later.runId === entry.runId,
      );
      const status = entry === releases.live ? 'live' : undone ? 'rolled-back' : 'superseded';
      const who = [entry.by, entry.strategy].filter(Boolean).join(', ');
      console.log(
        `${mark} ${entry.version.padEnd(16)} ${status.padEnd(12)} ${entry.at}  ${entry.runId}${who ? `  (${who})` : ''}`,
      );
    }
    return exitCodes.success;
  } catch (error) {
    console.error(`release-pilot releases: ${(error as Error).message}`);
    return exitCodes.invalidInput;
  } finally {
    flush();
  }
}

export async function rollbackCommand(options: RunOptions & { to?: string }): Promise<number> {
  const dataDir = resolve(options.dataDir ?? defaultDataDir());
  const { logger, flush } = createFileLogger({ dataDir, sync: true });
  let version: string;
  let rollbackOf: RunOptions['rollbackOf'];
  try {
    const releases = await readEnvironmentReleases({
      projectRoot: resolve(options.project!),
      environment: options.env!,
      dataDir,
      logger,
    });
    const target = rollbackTarget(releases, options.to);
    if (!target) {
      console.error(
        `release-pilot rollback: ${releases.environment} has no earlier release in its history on ${releases.where}; name one with --to <version>`,
      );
      return exitCodes.invalidInput;
    }
    version = target.version;
    // The run marks the release it undoes as rolled back, so a second rollback does not return to it.
    const live = releases.live;
    if (live && live.version !== version) rollbackOf = { version: live.version, runId: live.runId };
    console.error(
      `rolling ${releases.environment} back from ${releases.live?.version ?? '(unknown)'} to ${version} (live since ${target.at}, run ${target.runId})`,
    );
  } catch (error) {
    console.error(`release-pilot rollback: ${(error as Error).message}`);
    return exitCodes.invalidInput;
  } finally {
    flush();
  }
  return runCommand({ ...options, version, rollbackOf });
}
