import { describe, expect, it } from 'vitest';
import { Schedule, type ScheduleInput, type Weekday } from '../formats/schedule-schema';
import { checkWindow, describeWindows, nextAllowedAfter } from './window-check';
import { firstInstantAt, formatInZone } from './zoned-time';

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const office = { days: weekdays, from: '09:00', to: '17:00' };
const schedule = (input: ScheduleInput) => Schedule.parse(input);
const at = (iso: string) => new Date(iso);

describe('checkWindow', () => {
  it('allows inside a window and refuses outside it, with the reason and the next opening', () => {
    const berlin = schedule({ timezone: 'Europe/Berlin', windows: [office] });
    // 2026-06-10 is a Wednesday; Berlin is UTC+2 in summer.
    expect(checkWindow(berlin, at('2026-06-10T07:00:00Z'))).toEqual({ allowed: true });
    expect(checkWindow(berlin, at('2026-06-10T14:59:59Z'))).toEqual({ allowed: true });
    expect(checkWindow(berlin, at('2026-06-10T15:00:00Z'))).toEqual({
      allowed: false,
      rule: 'windows',
      reason:
        'Wed 2026-06-10 17:00 Europe/Berlin (UTC+02:00) is outside the deployment windows: mon–fri 09:00–17:00 (Europe/Berlin)',
      nextAllowed: '2026-06-11T07:00:00.000Z',
    });
  });

  it('Europe/Berlin spring forward: a window opening in the skipped hour opens when the clock jumps', () => {
    // 2026-03-29: 02:00 CET becomes 03:00 CEST (01:00Z); 02:30 never happens.
    const sunday = schedule({ timezone: 'Europe/Berlin', windows: [{ days: ['sun'], from: '02:30', to: '05:00' }] });
    const before = checkWindow(sunday, at('2026-03-29T00:45:00Z')); // 01:45 CET
    expect(before).toMatchObject({ allowed: false, nextAllowed: '2026-03-29T01:00:00.000Z' });
    expect(checkWindow(sunday, at('2026-03-29T01:00:00Z'))).toEqual({ allowed: true }); // 03:00 CEST
    expect(checkWindow(sunday, at('2026-03-29T02:59:00Z'))).toEqual({ allowed: true }); // 04:59 CEST
    expect(checkWindow(sunday, at('2026-03-29T03:00:00Z'))).toMatchObject({ allowed: false }); // 05:00 CEST
  });

  it('Europe/Berlin spring forward: a window wholly inside the skipped hour does not happen that day', () => {
    const gap = schedule({ timezone: 'Europe/Berlin', windows: [{ days: ['sun'], from: '02:00', to: '03:00' }] });
    expect(checkWindow(gap, at('2026-03-29T00:30:00Z'))).toMatchObject({
      allowed: false,
      nextAllowed: '2026-04-05T00:00:00.000Z', // the next Sunday, 02:00 CEST
    });
  });

  it('Europe/Berlin: the office window keeps its local hours across the spring weekend', () => {
    const berlin = schedule({ timezone: 'Europe/Berlin', windows: [office] });
    // Friday 2026-03-27 17:30 CET (UTC+1) → Monday 09:00 CEST (UTC+2) = 07:00Z, not 08:00Z.
    const verdict = checkWindow(berlin, at('2026-03-27T16:30:00Z'));
    expect(verdict).toMatchObject({ allowed: false, nextAllowed: '2026-03-30T07:00:00.000Z' });
    expect(checkWindow(berlin, at('2026-03-30T07:00:00Z'))).toEqual({ allowed: true });
    expect(checkWindow(berlin, at('2026-03-30T06:59:00Z'))).toMatchObject({ allowed: false });
  });

  it('Europe/Berlin fall back: wall-clock hours hold, and the repeated hour reopens a window', () => {
    // 2026-10-25: 03:00 CEST becomes 02:00 CET (01:00Z); 02:00–03:00 happens twice.
    const early = schedule({ timezone: 'Europe/Berlin', windows: [{ days: ['sun'], from: '01:00', to: '02:30' }] });
    expect(checkWindow(early, at('2026-10-25T00:15:00Z'))).toEqual({ allowed: true }); // 02:15 CEST
    expect(checkWindow(early, at('2026-10-25T00:45:00Z'))).toMatchObject({
      allowed: false, // 02:45 CEST
      nextAllowed: '2026-10-25T01:00:00.000Z', // 02:00 CET, the clock reads 02:00 again
    });
    expect(checkWindow(early, at('2026-10-25T01:29:00Z'))).toEqual({ allowed: true }); // 02:29 CET
    expect(checkWindow(early, at('2026-10-25T01:30:00Z'))).toMatchObject({ allowed: false });
    const berlin = schedule({ timezone: 'Europe/Berlin', windows: [office] });
    // Friday 2026-10-23 17:00 CEST → Monday 09:00 CET = 08:00Z.
    expect(checkWindow(berlin, at('2026-10-23T15:00:00Z'))).toMatchObject({
      nextAllowed: '2026-10-26T08:00:00.000Z',
    });
  });

  it('America/New_York across its spring change (2026-03-08)', () => {
    const ny = schedule({ timezone: 'America/New_York', windows: [office] });
    // Friday 17:30 EST (UTC-5) → Monday 09:00 EDT (UTC-4) = 13:00Z.
    const verdict = checkWindow(ny, at('2026-03-06T22:30:00Z'));
    expect(verdict).toMatchObject({ allowed: false, nextAllowed: '2026-03-09T13:00:00.000Z' });
    expect(verdict.allowed === false && verdict.reason).toContain('Fri 2026-03-06 17:30 America/New_York (UTC-05:00)');
    expect(checkWindow(ny, at('2026-03-09T13:00:00Z'))).toEqual({ allowed: true });
    expect(checkWindow(ny, at('2026-03-06T21:59:00Z'))).toEqual({ allowed: true }); // 16:59 EST
  });

  it('a window crossing midnight stays open into the next day', () => {
    const night = schedule({ timezone: 'Europe/Berlin', windows: [{ days: ['fri'], from: '22:00', to: '02:00' }] });
    expect(checkWindow(night, at('2026-06-12T20:00:00Z'))).toEqual({ allowed: true }); // Fri 22:00
    expect(checkWindow(night, at('2026-06-12T23:30:00Z'))).toEqual({ allowed: true }); // Sat 01:30
    expect(checkWindow(night, at('2026-06-13T00:00:00Z'))).toMatchObject({
      allowed: false, // Sat 02:00
      nextAllowed: '2026-06-19T20:00:00.000Z',
    });
    expect(checkWindow(night, at('2026-06-12T19:00:00Z'))).toMatchObject({
      nextAllowed: '2026-06-12T20:00:00.000Z', // the same evening
    });
    // Thursday night is not a window: the night before a listed day does not count.
    expect(checkWindow(night, at('2026-06-11T23:00:00Z'))).toMatchObject({ allowed: false });
    expect(describeWindows(night)).toBe('fri 22:00–02:00 (next day) (Europe/Berlin)');
  });

  it('a freeze wins over a window, and a freeze that ends inside a window allows at its end', () => {
    const frozen = schedule({
      timezone: 'Europe/Berlin',
      windows: [office],
      freezes: [{ from: '2026-12-20T00:00', to: '2027-01-04T12:00', reason: 'year-end freeze' }],
    });
    const verdict = checkWindow(frozen, at('2026-12-28T09:00:00Z')); // Monday 10:00 CET, in the window
    expect(verdict).toEqual({
      allowed: false,
      rule: 'freeze "year-end freeze"',
      reason:
        'year-end freeze: no deployments from Sun 2026-12-20 00:00 Europe/Berlin (UTC+01:00) until Mon 2027-01-04 12:00 Europe/Berlin (UTC+01:00)',
      nextAllowed: '2027-01-04T11:00:00.000Z', // Monday 12:00 CET, inside 09:00–17:00
    });
    expect(checkWindow(frozen, at('2027-01-04T11:00:00Z'))).toEqual({ allowed: true });
  });

  it('a freeze that ends outside the windows waits for the next opening', () => {
    const frozen = schedule({
      timezone: 'Europe/Berlin',
      windows: [office],
      freezes: [{ from: '2026-12-20T00:00', to: '2027-01-02T00:00', reason: 'year-end freeze' }],
    });
    expect(checkWindow(frozen, at('2026-12-28T09:00:00Z'))).toMatchObject({
      nextAllowed: '2027-01-04T08:00:00.000Z', // Saturday midnight → Monday 09:00 CET
    });
  });

  it('with no windows only freezes refuse; overlapping freezes are waited out together', () => {
    const freezes = schedule({
      timezone: 'UTC',
      freezes: [
        { from: '2026-07-01T00:00', to: '2026-07-10T00:00', reason: 'audit' },
        { from: '2026-07-09T00:00', to: '2026-07-12T06:00', reason: 'migration' },
      ],
    });
    expect(checkWindow(freezes, at('2026-06-30T23:59:00Z'))).toEqual({ allowed: true });
    expect(checkWindow(freezes, at('2026-07-02T00:00:00Z'))).toMatchObject({
      rule: 'freeze "audit"',
      nextAllowed: '2026-07-12T06:00:00.000Z',
    });
    expect(checkWindow(freezes, at('2026-07-12T06:00:00Z'))).toEqual({ allowed: true });
  });

  it('says there is no next time when freezes cover the whole horizon', () => {
    const forever = schedule({
      timezone: 'UTC',
      windows: [office],
      freezes: [{ from: '2026-01-01', to: '2030-01-01', reason: 'moratorium' }],
    });
    const verdict = checkWindow(forever, at('2026-02-01T10:00:00Z'));
    expect(verdict).toMatchObject({ allowed: false, rule: 'freeze "moratorium"' });
    expect(verdict.allowed === false && verdict.nextAllowed).toBeUndefined();
    expect(nextAllowedAfter(forever, at('2031-01-01T00:00:00Z'))?.toISOString()).toBe('2031-01-01T09:00:00.000Z');
  });
});

describe('zoned time', () => {
  it('finds the earlier instant of a repeated wall time and the jump of a skipped one', () => {
    const wall = (hour: number, minute: number, day: number, month: number) => ({
      year: 2026,
      month,
      day,
      hour,
      minute,
      second: 0,
    });
    expect(new Date(firstInstantAt(wall(2, 30, 25, 10), 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(firstInstantAt(wall(2, 30, 29, 3), 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(formatInZone('2026-03-29T01:00:00Z', 'Europe/Berlin')).toBe(
      'Sun 2026-03-29 03:00 Europe/Berlin (UTC+02:00)',
    );
    expect(formatInZone('2026-01-01T00:00:00Z', 'Asia/Kolkata')).toBe('Thu 2026-01-01 05:30 Asia/Kolkata (UTC+05:30)');
  });
});
