import { execFile } from 'node:child_process';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { demoTemplateDir } from './demo-layout';
import { demoReleases, serviceConfig } from './demo-releases';

// The demo project is a real git repository, made on first use from resources/demo/project: one
// commit per release (its service/config), each tagged, so the app resolves versions, lists the
// changes between them and builds each image from its tag exactly as for a team's own project.

const run = promisify(execFile);

async function git(cwd: string, args: string[], author?: { name: string; email: string }): Promise<string> {
  const who = author ?? { name: 'Release Pilot demo', email: 'demo@release-pilot.invalid' };
  const { stdout } = await run('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      // The user's global git config (signing, hooks, templates) must not shape the demo's history.
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  return stdout.trim();
}

/**
 * Creates the repository at `root` (which must not exist yet) with the template's files, the
 * environments file given, and the three tagged releases.
 */
export async function createDemoRepository(root: string, environmentsYaml: string, runbookYaml: string): Promise<void> {
  await mkdir(root, { recursive: true });
  await cp(demoTemplateDir(), root, { recursive: true });
  await writeFile(join(root, '.release-pilot', 'environments.yml'), environmentsYaml);
  await writeFile(join(root, '.release-pilot', 'runbook.yml'), runbookYaml);
  await git(root, ['init', '-q', '-b', 'main']);
  for (const release of demoReleases) {
    await writeFile(join(root, 'service', 'config'), serviceConfig(release));
    await git(root, ['add', '-A']);
    await git(root, ['commit', '-q', '-m', release.message], release.author);
    await git(root, ['tag', '-a', release.version, '-m', `Release ${release.version}`], release.author);
  }
}

/** The files of `service/` at a tag, with their modes: the build context of that release's image. */
export async function serviceFilesAt(
  root: string,
  tag: string,
): Promise<{ path: string; mode: number; content: Buffer }[]> {
  const listing = await git(root, ['ls-tree', '-r', tag, '--', 'service/']);
  const files: { path: string; mode: number; content: Buffer }[] = [];
  for (const line of listing.split('\n').filter(Boolean)) {
    // "<mode> blob <sha>\t<path>"
    const [meta, path] = line.split('\t');
    const [mode, , sha] = (meta ?? '').split(' ');
    if (!path || !sha) continue;
    const { stdout } = await run('git', ['cat-file', 'blob', sha], { cwd: root, encoding: 'buffer' });
    files.push({ path: path.slice('service/'.length), mode: mode === '100755' ? 0o755 : 0o644, content: stdout });
  }
  return files;
}
