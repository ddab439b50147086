import { describe, expect, it } from 'vitest';
import {
  emptyPlanDraft,
  isPlanDraft,
  planFileName,
  planRequestFrom,
  problemsOf,
  reconcileDraft,
  sameRequest,
  validatePlanDraft,
} from './plan-draft';

const draft = { environment: 'production', version: ' v1.2.0 ', runbook: 'web', strategy: '' };

describe('isPlanDraft', () => {
  it('accepts the four text fields and drops anything else (an older build’s draft, a hand edit)', () => {
    expect(isPlanDraft(draft)).toBe(true);
    expect(isPlanDraft({ ...draft, strategy: undefined })).toBe(false);
    expect(isPlanDraft({ environment: 'x' })).toBe(false);
    expect(isPlanDraft('production')).toBe(false);
    expect(isPlanDraft(null)).toBe(false);
  });
});

describe('reconcileDraft', () => {
  it('keeps choices that still exist', () => {
    expect(reconcileDraft(draft, ['staging', 'production'], ['web', 'db'])).toEqual(draft);
  });

  it('falls back to the first environment and runbook when the saved ones are gone', () => {
    expect(reconcileDraft({ ...draft, environment: 'qa', runbook: 'old' }, ['staging'], ['web'])).toEqual({
      ...draft,
      environment: 'staging',
      runbook: 'web',
    });
  });

  it('starts from an empty draft, and leaves the runbook empty (the built-in one) when the project has none', () => {
    expect(reconcileDraft(undefined, ['staging'], [])).toEqual({ ...emptyPlanDraft, environment: 'staging' });
  });
});

describe('validatePlanDraft', () => {
  it('asks for an environment and a version, saying what to give', () => {
    expect(validatePlanDraft(emptyPlanDraft)).toEqual({
      environment: 'Choose the environment to plan for.',
      version: 'Give the version to deploy: a tag, branch or commit.',
    });
    expect(validatePlanDraft({ ...draft, version: '   ' })).toEqual({
      version: 'Give the version to deploy: a tag, branch or commit.',
    });
    expect(validatePlanDraft(draft)).toEqual({});
  });
});

describe('planRequestFrom', () => {
  it('trims the version and leaves out the defaults', () => {
    expect(planRequestFrom('p1', draft)).toEqual({
      projectId: 'p1',
      environment: 'production',
      version: 'v1.2.0',
      runbook: 'web',
    });
    expect(planRequestFrom('p1', { ...draft, runbook: '', strategy: 'canary' })).toEqual({
      projectId: 'p1',
      environment: 'production',
      version: 'v1.2.0',
      strategy: 'canary',
    });
  });
});

describe('sameRequest', () => {
  it('tells whether a shown plan still answers the form', () => {
    const request = planRequestFrom('p1', draft);
    expect(sameRequest(request, { ...request })).toBe(true);
    expect(sameRequest(request, { ...request, strategy: 'canary' })).toBe(false);
    expect(sameRequest(request, { ...request, version: 'v1.2.1' })).toBe(false);
    expect(sameRequest(undefined, request)).toBe(false);
  });
});

describe('planFileName', () => {
  it('names the download <env>-<version>-plan.md, with no path separators', () => {
    expect(planFileName('production', 'v1.2.0')).toBe('production-v1.2.0-plan.md');
    expect(planFileName('prod eu', 'release/1.2')).toBe('prod_eu-release_1.2-plan.md');
    expect(planFileName('staging', '../../etc')).toBe('staging-.._.._etc-plan.md');
  });
});

describe('problemsOf', () => {
  it('reads the file problems an API error carries, ignoring anything malformed', () => {
    const problem = { severity: 'error', file: '.release-pilot/runbook.yml', line: 3, column: 5, message: 'bad' };
    expect(problemsOf({ code: 'invalid-project', details: { problems: [problem, { nope: 1 }] } })).toEqual([problem]);
    expect(problemsOf({ code: 'invalid-project', details: { problems: 'x' } })).toEqual([]);
    expect(problemsOf(new Error('plain'))).toEqual([]);
    expect(problemsOf(undefined)).toEqual([]);
  });
});
