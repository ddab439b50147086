import { describe, expect, it } from 'vitest';
import { Action } from '../formats/action-schema';
import { Environment, type NamedEnvironment } from '../formats/environment-schema';
import { InterpolationError, type VariableScope } from '../formats/interpolate';
import { type PlanContext, PlanError, planAction, projectPath } from './plan-action';

function environment(name: string, fields: Record<string, unknown>): NamedEnvironment {
  return { ...Environment.parse(fields), name };
}

const knownHosts = '/etc/release-pilot/known_hosts';

const staging = environment('staging', {
  app: {
    image: 'registry.local/shop',
    container: 'shop',
    ports: ['8080:80'],
    env: { DB_PASSWORD: '${secret:DB_PASSWORD}', MODE: 'staging' },
  },
  urls: { health: 'http://127.0.0.1:8080/health' },
  variables: { region: 'eu-west-1' },
});

const production = environment('production', {
  hosts: [
    { name: 'web-1', address: '10.0.0.1', knownHosts },
    { name: 'web-2', address: '10.0.0.2', knownHosts },
  ],
  docker: { via: 'ssh' },
  app: { image: 'registry.local/shop', container: 'shop' },
  concurrency: 4,
});

function context(env: NamedEnvironment): PlanContext {
  const scope: VariableScope = {
    version: 'v1.2.0',
    previousVersion: 'v1.1.0',
    runId: 'run-7',
    commit: 'abc1234',
    env: { name: env.name, variables: env.variables, app: env.app, urls: env.urls },
    vars: { service: 'shop' },
    secrets: { DB_PASSWORD: 'pw-123456' },
  };
  return { scope, projectRoot: '/home/ada/shop', environment: env };
}

const plan = (action: unknown, env: NamedEnvironment = staging) => planAction(Action.parse(action), context(env));

function planError(action: unknown, env: NamedEnvironment): PlanError {
  try {
    plan(action, env);
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('planned without error');
}

describe('planAction', () => {
  it('plans a shell action as argv in the project, one resolved value per item', () => {
    expect(
      plan({
        type: 'shell',
        argv: ['npm', 'run', 'build', '--', '${version}'],
        env: { R: '${env.region}' },
        timeout: '5m',
      }),
    ).toEqual({
      kind: 'local-command',
      argv: ['npm', 'run', 'build', '--', 'v1.2.0'],
      cwd: '/home/ada/shop',
      env: { R: 'eu-west-1' },
      timeoutMs: 300_000,
    });
    expect(plan({ type: 'shell', argv: ['ls'], cwd: './dist/${version}' })).toMatchObject({
      cwd: '/home/ada/shop/dist/v1.2.0',
    });
  });

  it('keeps a hostile value as one argv item, never a shell string', () => {
    const ctx = context(staging);
    ctx.scope.vars.note = `'; rm -rf / #`;
    const result = planAction(Action.parse({ type: 'shell', argv: ['echo', '${note}'] }), ctx);
    expect(result).toMatchObject({ argv: ['echo', `'; rm -rf / #`] });
  });

  it('runs the app container with defaults from the environment and labels naming the run', () => {
    expect(plan({ type: 'docker.run' })).toEqual({
      kind: 'docker.run',
      via: 'local',
      hosts: ['local'],
      image: 'registry.local/shop:v1.2.0',
      name: 'shop',
      ports: ['8080:80'],
      env: { DB_PASSWORD: 'pw-123456', MODE: 'staging' },
      labels: {
        'dev.release-pilot.version': 'v1.2.0',
        'dev.release-pilot.environment': 'staging',
        'dev.release-pilot.run': 'run-7',
      },
      cmd: undefined,
      replace: true,
      healthcheck: undefined,
      network: undefined,
    });
  });

  it('lets the action override the app defaults but never the run labels; the version label is the image tag', () => {
    const result = plan({
      type: 'docker.run',
      image: 'registry.local/shop:${previous_version}',
      env: { MODE: 'canary' },
      labels: { team: '${service}', 'dev.release-pilot.version': 'forged' },
      cmd: ['serve', '--port', '80'],
      healthcheck: { test: ['CMD', 'wget', '-q', '${env.urls.health}'], interval: '1s' },
      network: 'net-${env.name}',
    });
    expect(result).toMatchObject({
      image: 'registry.local/shop:v1.1.0',
      name: 'shop',
      env: { DB_PASSWORD: 'pw-123456', MODE: 'canary' },
      // The rollback pattern runs the previous version's image: the label names that, not the run's.
      labels: { team: 'shop', 'dev.release-pilot.version': 'v1.1.0', 'dev.release-pilot.run': 'run-7' },
      cmd: ['serve', '--port', '80'],
      healthcheck: {
        test: ['CMD', 'wget', '-q', 'http://127.0.0.1:8080/health'],
        intervalMs: 1000,
        timeoutMs: 2000,
        retries: 3,
      },
      network: 'net-staging',
    });
  });

  it('an image without a tag names no version: the action may say it, else the container has no version label', () => {
    const digest = `registry.local/shop@sha256:${'b'.repeat(64)}`;
    const pinned = plan({ type: 'docker.run', image: digest, labels: { 'dev.release-pilot.version': '${version}' } });
    expect(pinned).toMatchObject({ image: digest, labels: { 'dev.release-pilot.version': 'v1.2.0' } });
    const untagged = plan({ type: 'docker.run', image: 'registry.local/shop' });
    expect(untagged.kind === 'docker.run' && Object.keys(untagged.labels)).toEqual([
      'dev.release-pilot.environment',
      'dev.release-pilot.run',
    ]);
  });

  it('asks for image and name when the environment has no app', () => {
    const bare = environment('lab', {});
    expect(planError({ type: 'docker.run' }, bare).message).toBe(
      'docker.run needs image and name, or environment "lab" needs an app: section',
    );
    expect(plan({ type: 'docker.run', image: 'busybox', name: 'probe' }, bare)).toMatchObject({
      image: 'busybox',
      name: 'probe',
      ports: [],
      env: {},
    });
    expect(planError({ type: 'docker.stop' }, bare).message).toContain('name the container');
  });

  it('reaches Docker over SSH on the selected hosts, or on this machine', () => {
    expect(plan({ type: 'docker.stop' }, production)).toEqual({
      kind: 'docker.stop',
      via: 'ssh',
      hosts: ['web-1', 'web-2'],
      container: 'shop',
    });
    expect(plan({ type: 'docker.logs', hosts: ['web-2'], tail: 20 }, production)).toMatchObject({
      via: 'ssh',
      hosts: ['web-2'],
      container: 'shop',
      tail: 20,
    });
    expect(plan({ type: 'docker.wait-healthy', container: '${service}' })).toMatchObject({
      via: 'local',
      hosts: ['local'],
      container: 'shop',
      timeoutMs: 60_000,
    });
    const envDocker = environment('ci', { docker: { via: 'env' } });
    expect(plan({ type: 'docker.list', label: 'run=${run.id}' }, envDocker)).toEqual({
      kind: 'docker.list',
      via: 'env',
      hosts: ['local'],
      label: 'run=run-7',
    });
  });

  it('refuses Docker over SSH for an environment without hosts', () => {
    const noHosts = environment('edge', { docker: { via: 'ssh' } });
    expect(planError({ type: 'docker.build', tags: ['app:${version}'] }, noHosts).message).toBe(
      'environment "edge" reaches Docker over SSH but has no hosts',
    );
  });

  it('selects ssh hosts: all by default, those named, the concurrency of the environment', () => {
    expect(
      plan({ type: 'ssh.exec', argv: ['systemctl', 'restart', '${service}'], cwd: '/srv/${service}' }, production),
    ).toEqual({
      kind: 'ssh.exec',
      hosts: ['web-1', 'web-2'],
      argv: ['systemctl', 'restart', 'shop'],
      cwd: '/srv/shop',
      env: {},
      concurrency: 4,
      timeoutMs: undefined,
    });
    expect(plan({ type: 'ssh.exec', hosts: ['web-1'], argv: ['uptime'], concurrency: 1 }, production)).toMatchObject({
      hosts: ['web-1'],
      concurrency: 1,
    });
    expect(plan({ type: 'ssh.upload', from: 'dist/app.tgz', to: '/srv/app.tgz', mode: '0644' }, production)).toEqual({
      kind: 'ssh.upload',
      hosts: ['web-1', 'web-2'],
      from: '/home/ada/shop/dist/app.tgz',
      to: '/srv/app.tgz',
      mode: '0644',
      concurrency: 4,
    });
  });

  it('names the unknown hosts and the hosts there are', () => {
    expect(planError({ type: 'ssh.exec', hosts: ['web-3', 'db'], argv: ['uptime'] }, production).message).toBe(
      'host "web-3", "db" is not in environment "production" (hosts: web-1, web-2)',
    );
    expect(planError({ type: 'ssh.exec', hosts: ['web-1'], argv: ['uptime'] }, staging).message).toBe(
      'host "web-1" is not in environment "staging" (hosts: none)',
    );
    expect(planError({ type: 'ssh.exec', argv: ['uptime'] }, staging).message).toBe(
      'environment "staging" has no hosts to run ssh actions on',
    );
  });

  it('checks the health URL of the environment by default', () => {
    expect(plan({ type: 'http.check', expectStatus: 200, maxLatency: '2s', attempts: 5 })).toEqual({
      kind: 'http.check',
      url: 'http://127.0.0.1:8080/health',
      method: 'GET',
      headers: {},
      body: undefined,
      expectStatus: [200],
      expectBodyContains: undefined,
      maxLatencyMs: 2000,
      attempts: 5,
      intervalMs: 1000,
      timeoutMs: 10_000,
    });
    expect(() => plan({ type: 'http.check' }, production)).toThrow(InterpolationError);
    expect(() => plan({ type: 'http.check' }, production)).toThrow('environment "production"');
  });

  it('plans git actions on the project, leaving the range open without a previous version', () => {
    expect(plan({ type: 'git.checkout' })).toEqual({ kind: 'git.checkout', repo: '/home/ada/shop', ref: 'v1.2.0' });
    expect(plan({ type: 'git.log' })).toEqual({
      kind: 'git.log',
      repo: '/home/ada/shop',
      from: 'v1.1.0',
      to: 'v1.2.0',
    });
    const first = context(staging);
    first.scope.previousVersion = undefined;
    expect(planAction(Action.parse({ type: 'git.log' }), first)).toMatchObject({ from: undefined, to: 'v1.2.0' });
    expect(plan({ type: 'git.tag', name: 'deployed-${env.name}-${version}', push: true })).toEqual({
      kind: 'git.tag',
      repo: '/home/ada/shop',
      name: 'deployed-staging-v1.2.0',
      message: undefined,
      push: true,
      remote: 'origin',
    });
  });

  it('resolves build context and compose files in the project', () => {
    expect(
      plan({ type: 'docker.build', context: './app', tags: ['shop:${version}'], buildArgs: { V: '${version}' } }),
    ).toEqual({
      kind: 'docker.build',
      via: 'local',
      hosts: ['local'],
      context: '/home/ada/shop/app',
      dockerfile: undefined,
      tags: ['shop:v1.2.0'],
      buildArgs: { V: 'v1.2.0' },
    });
    expect(
      plan({ type: 'docker.compose', files: ['compose.yml', '/etc/compose.prod.yml'], args: ['up', '-d'] }),
    ).toEqual({
      kind: 'docker.compose',
      cwd: '/home/ada/shop',
      files: ['/home/ada/shop/compose.yml', '/etc/compose.prod.yml'],
      projectName: undefined,
      args: ['up', '-d'],
    });
  });
});

describe('projectPath', () => {
  it('joins relative paths to the project and keeps absolute ones', () => {
    expect(projectPath('/p', 'a/b')).toBe('/p/a/b');
    expect(projectPath('/p/', './a')).toBe('/p/a');
    expect(projectPath('/p', '././a')).toBe('/p/a');
    expect(projectPath('/p', '.')).toBe('/p');
    expect(projectPath('/p', './')).toBe('/p');
    expect(projectPath('/p', '')).toBe('/p');
    expect(projectPath('/p', '/etc/hosts')).toBe('/etc/hosts');
  });
});
