import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabHost, SshdLab } from './sshd-lab';

// A real project for executor tests: a git repository with version tags and a `.release-pilot/`
// folder, whose environments point at the sshd lab's hosts (keys copied into the project, so the
// environment file uses project-relative paths exactly as a team would).

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Lab',
      GIT_AUTHOR_EMAIL: 'lab@example.test',
      GIT_COMMITTER_NAME: 'Lab',
      GIT_COMMITTER_EMAIL: 'lab@example.test',
    },
  }).trim();
}

export interface LabProject {
  root: string;
  /** tag → commit */
  tags: Record<string, string>;
  write(relPath: string, text: string): void;
}

export function makeLabProject(
  root: string,
  files: { runbook: string; environments: string },
  tags = ['v1.0.0', 'v1.1.0'],
): LabProject {
  mkdirSync(join(root, '.release-pilot'), { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  // A team member's clone has an identity; a fresh CI machine has none, and `git tag -a` needs one.
  git(root, 'config', 'user.name', 'Lab Operator');
  git(root, 'config', 'user.email', 'operator@example.test');
  // The runbook and environments are committed, as a team keeps them in its repository.
  writeFileSync(join(root, '.release-pilot', 'runbook.yml'), files.runbook);
  writeFileSync(join(root, '.release-pilot', 'environments.yml'), files.environments);
  const made: Record<string, string> = {};
  for (const tag of tags) {
    writeFileSync(join(root, 'VERSION'), `${tag}\n`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', `release ${tag}`);
    git(root, 'tag', tag);
    made[tag] = git(root, 'rev-parse', 'HEAD');
  }
  const write = (relPath: string, text: string) => {
    mkdirSync(join(root, relPath, '..'), { recursive: true });
    writeFileSync(join(root, relPath), text);
  };
  return { root, tags: made, write };
}

/** Copies the lab's client key and known_hosts into `<project>/lab-keys/`. */
export function copyLabKeys(lab: SshdLab, projectRoot: string): void {
  mkdirSync(join(projectRoot, 'lab-keys'), { recursive: true });
  copyFileSync(lab.clientKeyPath, join(projectRoot, 'lab-keys', 'id_ed25519'));
  copyFileSync(lab.knownHostsPath, join(projectRoot, 'lab-keys', 'known_hosts'));
}

/** YAML lines for `hosts:` of an environment, pinned by known_hosts (or by fingerprint). */
export function labHostsYaml(
  hosts: LabHost[],
  options: { pin?: 'known-hosts' | 'fingerprint'; indent?: number } = {},
): string {
  const pad = ' '.repeat(options.indent ?? 6);
  return hosts
    .map((host) =>
      [
        `${pad}- name: ${host.name}`,
        `${pad}  address: 127.0.0.1`,
        `${pad}  port: ${host.port}`,
        `${pad}  user: ${host.user ?? 'root'}`,
        `${pad}  identityFile: lab-keys/id_ed25519`,
        options.pin === 'fingerprint'
          ? `${pad}  hostKey: "${host.fingerprint}"`
          : `${pad}  knownHosts: lab-keys/known_hosts`,
      ].join('\n'),
    )
    .join('\n');
}
