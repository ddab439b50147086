import { describe, expect, it } from 'vitest';
import type { LogTargets } from '../../../../shared/api/schemas/log-sources';
import {
  emptySourceDraft,
  errorField,
  followRequest,
  hostChoices,
  isSourceDraft,
  type SourceDraft,
  validateSource,
  withDefaults,
} from './source-draft';

const staging: LogTargets = {
  environment: 'staging',
  hosts: [
    { name: 'web-1', label: 'web-1 (10.0.0.5:22)' },
    { name: 'web-2', label: 'web-2 (10.0.0.6:22)' },
  ],
  docker: { via: 'local', label: 'local socket /var/run/docker.sock', hosts: ['local'] },
  container: 'shop-api',
};
const fleet: LogTargets = {
  environment: 'fleet',
  hosts: [{ name: 'node-1', label: 'node-1 (10.0.1.1:22)' }],
  docker: { via: 'ssh', label: 'the Docker engine of each host, over SSH', hosts: ['node-1'] },
};
const draft = (patch: Partial<SourceDraft> = {}): SourceDraft => ({ ...emptySourceDraft, projectId: 'p1', ...patch });

describe('the add-source draft', () => {
  it('is recognised only with every field a string and a known kind', () => {
    expect(isSourceDraft(draft())).toBe(true);
    expect(isSourceDraft({ ...draft(), kind: 'syslog' })).toBe(false);
    expect(isSourceDraft({ ...draft(), path: 3 })).toBe(false);
  });

  it('offers the environment hosts for files and journals, this machine last; Docker hosts for containers', () => {
    expect(hostChoices(staging, 'file').map((c) => c.value)).toEqual(['web-1', 'web-2', 'local']);
    expect(hostChoices(staging, 'container')).toEqual([
      { value: 'local', label: 'This machine (local socket /var/run/docker.sock)' },
    ]);
    expect(hostChoices(fleet, 'container')).toEqual([{ value: 'node-1', label: 'node-1 (10.0.1.1:22)' }]);
  });

  it("defaults to the run's environment and its first host, and replaces a host the choice no longer has", () => {
    expect(withDefaults(draft(), [staging, fleet], 'fleet')).toMatchObject({ environment: 'fleet', host: 'node-1' });
    expect(withDefaults(draft(), [staging, fleet])).toMatchObject({ environment: 'staging', host: 'web-1' });
    const kept = draft({ environment: 'staging', host: 'web-2' });
    expect(withDefaults(kept, [staging, fleet], 'fleet')).toBe(kept);
    expect(withDefaults(draft({ environment: 'staging', host: 'web-2', kind: 'container' }), [staging])).toMatchObject({
      host: 'local',
    });
  });

  it('says what is missing or malformed before asking the engine', () => {
    expect(validateSource(draft({ environment: 'staging', host: 'web-1', path: 'var/log/x' }), staging)).toEqual({
      path: 'Give an absolute path, such as /var/log/nginx/error.log.',
    });
    expect(validateSource(draft({ environment: 'fleet', host: 'node-1', kind: 'container' }), fleet)).toEqual({
      container: 'Name the container: this environment has no app container.',
    });
    expect(validateSource(draft({ environment: 'staging', host: 'web-1', kind: 'container' }), staging)).toEqual({});
    expect(
      validateSource(draft({ environment: 'staging', host: 'web-1', kind: 'journal', unit: '-x' }), staging),
    ).toEqual({
      unit: 'A unit name: letters, digits and _ . @ : - only, not starting with -.',
    });
    expect(validateSource(draft(), undefined)).toMatchObject({
      environment: expect.any(String),
      host: expect.any(String),
    });
  });

  it('becomes the follow request, trimmed, the container left to the environment when empty', () => {
    expect(followRequest(draft({ environment: 'staging', host: 'web-1', path: ' /var/log/app.log ' }))).toEqual({
      projectId: 'p1',
      environment: 'staging',
      source: { kind: 'file', host: 'web-1', path: '/var/log/app.log' },
    });
    expect(followRequest(draft({ environment: 'staging', host: 'local', kind: 'container' })).source).toEqual({
      kind: 'container',
      host: 'local',
    });
    expect(followRequest(draft({ environment: 's', host: 'web-1', kind: 'journal', unit: 'nginx' })).source).toEqual({
      kind: 'journal',
      host: 'web-1',
      unit: 'nginx',
    });
  });

  it('puts an engine refusal beside the field it names', () => {
    expect(errorField({ field: 'source.host', host: 'web-9' })).toBe('host');
    expect(errorField({ field: 'operatorName' })).toBeUndefined();
    expect(errorField(undefined)).toBeUndefined();
  });
});
