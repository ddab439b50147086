import { describe, expect, it } from 'vitest';
import { Schedule } from './schedule-schema';

function problems(input: unknown): string[] {
  const result = Schedule.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const window = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };

describe('Schedule', () => {
  it('reads windows and freezes, spelling the zone and the freeze times canonically', () => {
    const schedule = Schedule.parse({
      timezone: 'europe/berlin',
      windows: [window, { days: ['fri'], from: '22:00', to: '02:00' }, { days: ['sat'], from: '00:00', to: '24:00' }],
      freezes: [{ from: '2026-12-20', to: '2027-01-02T00:00', reason: 'year-end freeze' }],
    });
    expect(schedule.timezone).toBe('Europe/Berlin');
    expect(schedule.freezes[0]).toEqual({
      from: '2026-12-20T00:00',
      to: '2027-01-02T00:00',
      reason: 'year-end freeze',
    });
    expect(Schedule.parse({ timezone: 'UTC' })).toEqual({ timezone: 'UTC', windows: [], freezes: [] });
  });

  it('names the field and the fix for an unknown or missing time zone', () => {
    expect(problems({ timezone: 'Europe/Berln' })).toEqual([
      'timezone: unknown time zone "Europe/Berln": use an IANA name such as Europe/Berlin, America/New_York or UTC',
    ]);
    expect(problems({ timezone: '+01:00' })[0]).toMatch(/^timezone: unknown time zone "\+01:00"/);
    expect(problems({ windows: [] })).toEqual(['timezone: name the time zone the times are in, e.g. Europe/Berlin']);
  });

  it('rejects malformed window times and days, naming each', () => {
    expect(
      problems({
        timezone: 'UTC',
        windows: [
          { days: ['monday'], from: '9:00', to: '25:00' },
          { days: ['mon', 'mon'], from: '10:00', to: '10:00' },
          { days: [], from: '24:00', to: '24:00' },
          { days: ['sun'], from: 900, to: '10:00' },
        ],
      }),
    ).toEqual([
      'windows.0.days.0: a day is one of: mon, tue, wed, thu, fri, sat, sun',
      'windows.0.from: write a time as HH:MM, from 00:00 to 24:00 (e.g. 09:00)',
      'windows.0.to: write a time as HH:MM, from 00:00 to 24:00 (e.g. 09:00)',
      'windows.1.to: the window opens and closes at 10:00; for a whole day write from: "00:00", to: "24:00"',
      'windows.1.days.1: day "mon" is listed twice',
      'windows.2.days: name at least one day, e.g. [mon, tue, wed, thu]',
      'windows.2.from: a window opens at 00:00–23:59; 24:00 can only end one',
      'windows.3.from: write a time as "HH:MM" in quotes, e.g. "09:00"',
    ]);
  });

  it('rejects impossible freeze dates, a freeze ending before it starts, and one without a reason', () => {
    expect(
      problems({
        timezone: 'UTC',
        freezes: [
          { from: '2026-02-30T00:00', to: '2026-03-01T00:00', reason: 'x' },
          { from: '2026-05-02T10:00', to: '2026-05-01T10:00', reason: 'release train' },
          { from: '2026-05-01T10:00', to: '2026-05-02 24:00', reason: ' ' },
        ],
      }),
    ).toEqual([
      'freezes.0.from: "2026-02-30T00:00" is not a date and time: write YYYY-MM-DDTHH:MM in the schedule\'s zone, e.g. 2026-12-20T00:00',
      'freezes.1.to: a freeze must end after it starts',
      'freezes.2.to: "2026-05-02 24:00" is not a date and time: write YYYY-MM-DDTHH:MM in the schedule\'s zone, e.g. 2026-12-20T00:00',
      'freezes.2.reason: must not be empty',
    ]);
  });

  it('refuses unknown fields', () => {
    expect(problems({ timezone: 'UTC', window: [] })[0]).toMatch(/window/);
  });
});
