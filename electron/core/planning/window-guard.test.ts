import { describe, expect, it } from 'vitest';
import { Schedule } from '../../../shared/formats/schedule-schema';
import { guardWindow, WindowRefusedError } from './window-guard';

const production = {
  name: 'production',
  schedule: Schedule.parse({
    timezone: 'Europe/Berlin',
    windows: [{ days: ['mon', 'tue', 'wed', 'thu'], from: '09:00', to: '16:00' }],
    freezes: [{ from: '2026-12-20T00:00', to: '2027-01-02T00:00', reason: 'year-end freeze' }],
  }),
};
const saturday = new Date('2026-06-13T10:00:00Z');
const roles = ['release-manager'];

function refusal(run: () => unknown): WindowRefusedError {
  try {
    run();
  } catch (error) {
    if (error instanceof WindowRefusedError) return error;
    throw error;
  }
  throw new Error('expected a WindowRefusedError');
}

describe('guardWindow', () => {
  it('lets a run start inside a window, and any time where no schedule is set', () => {
    expect(guardWindow(production, roles, new Date('2026-06-10T08:00:00Z'))).toEqual({ ok: true });
    expect(guardWindow({ name: 'staging' }, [], saturday)).toEqual({ ok: true });
  });

  it('refuses outside the window, saying why and when it opens, in the environment zone', () => {
    const error = refusal(() => guardWindow(production, roles, saturday));
    expect(error.code).toBe('outside-window');
    expect(error.message).toBe(
      'production may not be deployed to now: Sat 2026-06-13 12:00 Europe/Berlin (UTC+02:00) is outside the deployment windows: mon–thu 09:00–16:00 (Europe/Berlin); next allowed: Mon 2026-06-15 09:00 Europe/Berlin (UTC+02:00). An override needs a written reason from one of: release-manager',
    );
    expect(error.details).toMatchObject({ environment: 'production', nextAllowed: '2026-06-15T07:00:00.000Z' });
  });

  it('refuses inside a freeze, naming it', () => {
    const error = refusal(() => guardWindow(production, roles, new Date('2026-12-22T09:00:00Z')));
    expect(error.code).toBe('outside-window');
    expect(error.message).toContain('year-end freeze: no deployments from Sun 2026-12-20 00:00 Europe/Berlin');
    expect(error.message).toContain('next allowed: Mon 2027-01-04 09:00 Europe/Berlin (UTC+01:00)');
  });

  it('allows with an override from a named role and a reason, and returns the window.overridden event', () => {
    const override = { reason: '  hotfix for CVE-2026-1234  ', by: 'Grace Hopper', role: 'release-manager' };
    expect(guardWindow(production, roles, saturday, override)).toEqual({
      ok: true,
      overridden: { rule: 'windows', reason: 'hotfix for CVE-2026-1234', by: 'Grace Hopper', role: 'release-manager' },
    });
  });

  it('refuses an override by a role the runbook does not name, or without a reason', () => {
    const wrongRole = refusal(() => guardWindow(production, roles, saturday, { reason: 'x', by: 'Bob', role: 'qa' }));
    expect(wrongRole.code).toBe('override-refused');
    expect(wrongRole.message).toBe(
      'override refused for production: role "qa" may not override the deployment window (roles that may: release-manager)',
    );
    const noReason = refusal(() =>
      guardWindow(production, roles, saturday, { reason: ' ', by: 'Grace', role: 'release-manager' }),
    );
    expect(noReason.message).toBe('override refused for production: a written reason is required');
    const nobody = refusal(() => guardWindow(production, [], saturday, { reason: 'x', by: 'G', role: 'devops' }));
    expect(nobody.message).toContain('roles that may: none: the runbook names no override role');
  });
});
