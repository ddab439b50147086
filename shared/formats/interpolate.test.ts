import { describe, expect, it } from 'vitest';
import {
  InterpolationError,
  interpolate,
  interpolateMap,
  interpolateTitle,
  secretNames,
  type VariableScope,
} from './interpolate';

const scope: VariableScope = {
  version: 'v1.2.0',
  previousVersion: 'v1.1.0',
  runId: 'run-42',
  commit: 'abc1234',
  env: {
    name: 'staging',
    variables: { region: 'eu-west-1', release_dir: '/srv/app' },
    app: { image: 'registry.local/shop', container: 'shop' },
    urls: { health: 'http://127.0.0.1:8080/health' },
  },
  vars: { team: 'payments', greeting: 'hello ${version}' },
  secrets: { DB_PASSWORD: 's3cr3t-pw' },
};

function failure(text: string, at: VariableScope = scope): InterpolationError {
  try {
    interpolate(text, at);
  } catch (error) {
    if (error instanceof InterpolationError) return error;
    throw error;
  }
  throw new Error(`"${text}" interpolated without error`);
}

describe('interpolate', () => {
  it('resolves every kind of variable', () => {
    expect(interpolate('${version}', scope)).toBe('v1.2.0');
    expect(interpolate('${previous_version}', scope)).toBe('v1.1.0');
    expect(interpolate('${commit}', scope)).toBe('abc1234');
    expect(interpolate('${run.id}', scope)).toBe('run-42');
    expect(interpolate('${env.name}', scope)).toBe('staging');
    expect(interpolate('${env.region}', scope)).toBe('eu-west-1');
    expect(interpolate('${env.app.image}', scope)).toBe('registry.local/shop');
    expect(interpolate('${env.app.container}', scope)).toBe('shop');
    expect(interpolate('${env.urls.health}', scope)).toBe('http://127.0.0.1:8080/health');
    expect(interpolate('${team}', scope)).toBe('payments');
    expect(interpolate('${secret:DB_PASSWORD}', scope)).toBe('s3cr3t-pw');
  });

  it('resolves several variables in one value, tolerating spaces inside the braces', () => {
    expect(interpolate('${env.app.image}:${version} on ${ env.name }', scope)).toBe(
      'registry.local/shop:v1.2.0 on staging',
    );
    expect(interpolate('${ secret: DB_PASSWORD }', scope)).toBe('s3cr3t-pw');
    expect(interpolate('no variables here', scope)).toBe('no variables here');
  });

  it('does not resolve a value a second time', () => {
    // The runbook variable itself holds `${version}`: substituted text is never re-read.
    expect(interpolate('${greeting}', scope)).toBe('hello ${version}');
  });

  it('writes a literal ${ for $${', () => {
    expect(interpolate('$${version}', scope)).toBe('${version}');
    expect(interpolate('echo $${HOME} for ${version}', scope)).toBe('echo ${HOME} for v1.2.0');
    expect(interpolate('$${unknown} and $${secret:NOPE}', scope)).toBe('${unknown} and ${secret:NOPE}');
  });

  it('returns a hostile value verbatim, as one string', () => {
    const hostile = `'; rm -rf / #`;
    const at = { ...scope, vars: { ...scope.vars, tag: hostile } };
    expect(interpolate('${tag}', at)).toBe(hostile);
    expect(interpolate('--tag=${tag}', at)).toBe(`--tag='; rm -rf / #`);
    const argv = ['echo', '${tag}'].map((item) => interpolate(item, at));
    expect(argv).toEqual(['echo', hostile]);
  });

  it('says the previous version is unknown when the environment has no earlier release', () => {
    const error = failure('${previous_version}', { ...scope, previousVersion: undefined });
    expect(error.variable).toBe('previous_version');
    expect(error.message).toBe(
      '${previous_version} is not known: environment "staging" has no earlier release recorded',
    );
  });

  it('names the missing secret and how to set it', () => {
    const error = failure('Bearer ${secret:API_TOKEN}');
    expect(error.name).toBe('InterpolationError');
    expect(error.variable).toBe('secret:API_TOKEN');
    expect(error.message).toContain('secret "API_TOKEN" is not set');
    expect(error.message).toContain('RELEASE_PILOT_SECRET_API_TOKEN');
  });

  it('does not take names from the object prototype for secrets, variables or env', () => {
    expect(failure('${secret:constructor}').message).toContain('secret "constructor" is not set');
    expect(failure('${toString}').message).toContain('${toString} is not defined');
    expect(failure('${env.hasOwnProperty}').message).toContain('environment "staging"');
  });

  it('says where to define an unknown env.* variable', () => {
    expect(failure('${env.missing}').message).toBe(
      '${env.missing} is not defined: add it to environment "staging" (variables:, app: or urls:)',
    );
    const bare = { ...scope, env: { name: 'lab', variables: {} } };
    expect(failure('${env.app.image}', bare).message).toContain('environment "lab"');
    expect(failure('${env.urls.health}', bare).variable).toBe('env.urls.health');
  });

  it('lists the known variables for an unknown plain name', () => {
    const error = failure('deploy ${verison}');
    expect(error.variable).toBe('verison');
    expect(error.message).toBe(
      "${verison} is not defined: known are version, previous_version, commit, run.id, env.*, secret:NAME and the runbook's variables",
    );
  });

  it('says the commit is not resolved rather than listing commit among the known names', () => {
    const error = failure('${commit}', { ...scope, commit: undefined });
    expect(error.variable).toBe('commit');
    expect(error.message).toBe(
      '${commit} is not known: version "v1.2.0" has not been resolved to a git commit of the project',
    );
  });

  it('interpolates each value of a map', () => {
    expect(interpolateMap({ VERSION: '${version}', DB: '${secret:DB_PASSWORD}' }, scope)).toEqual({
      VERSION: 'v1.2.0',
      DB: 's3cr3t-pw',
    });
    expect(interpolateMap(undefined, scope)).toEqual({});
    expect(() => interpolateMap({ X: '${nope}' }, scope)).toThrow(InterpolationError);
  });
});

describe('secretNames', () => {
  it('lists every secret a text refers to, and nothing else', () => {
    expect(secretNames('${secret:A} and ${ secret: B_2 } with ${version} and ${env.name}')).toEqual(['A', 'B_2']);
    expect(secretNames('no secrets')).toEqual([]);
  });

  it('ignores escaped references, which are text, not secrets', () => {
    expect(secretNames('$${secret:NOT_ONE} but ${secret:REAL}')).toEqual(['REAL']);
  });

  it('finds secrets in serialised data', () => {
    const text = JSON.stringify({ env: { TOKEN: 'Bearer ${secret:API_TOKEN}' }, argv: ['${secret:DB_PASSWORD}'] });
    expect(secretNames(text)).toEqual(['API_TOKEN', 'DB_PASSWORD']);
  });
});

describe('interpolateTitle', () => {
  const scope = {
    version: 'v1.2.0',
    runId: 'r1',
    env: { name: 'prod', variables: { region: 'eu-1' }, app: { image: 'shop', container: 'shop' }, urls: {} },
    vars: {},
    secrets: { TOKEN: 's3cr3t' },
  };

  it('fills in what is known and leaves the rest as written, never a secret', () => {
    expect(
      interpolateTitle('Deploy ${env.app.image}:${version} to ${env.region}, then ${nope} ${secret:TOKEN}', scope),
    ).toBe('Deploy shop:v1.2.0 to eu-1, then ${nope} ${secret:TOKEN}');
  });

  it('a first release (no previous version) says so instead of an unresolved ${previous_version}', () => {
    expect(interpolateTitle('List commits ${previous_version}..${version}', scope)).toBe(
      'List commits (no earlier release)..v1.2.0',
    );
    expect(interpolateTitle('Run shop:${previous_version} again', { ...scope, previousVersion: 'v1.1.0' })).toBe(
      'Run shop:v1.1.0 again',
    );
  });

  it('writes $${ as a literal ${, like interpolate', () => {
    expect(interpolateTitle('cost $${price} for ${version}', scope)).toBe('cost ${price} for v1.2.0');
  });
});
