import { describe, expect, it } from 'vitest';
import { FlagError } from './flag-error';
import { flagPercentage, parseFlagDocument } from './flagd-document';
import { editFlagPercentage } from './flagd-edit';

// A flag file edited in place: only the flag's values change, every other byte stays.

const share = (text: string, flag: string) => flagPercentage(parseFlagDocument(text, 'f.json'), flag);

describe('editFlagPercentage', () => {
  it('keeps a one-line flagd file on one line, changing only the two weights', () => {
    const line =
      '{"$schema":"https://flagd.dev/schema/v0/flags.json","flags":{"checkout":{"state":"ENABLED","variants":{"on":true,"off":false},"defaultVariant":"off","targeting":{"fractional":[["on",0],["off",100]]}},"other":{"state":"ENABLED","variants":{"a":"a"},"defaultVariant":"a"}}}';
    const edited = editFlagPercentage(line, 'checkout', 25, 'f.json');
    expect(edited).toBe(line.replace('["on",0],["off",100]', '["on",25],["off",75]'));
    expect(edited.split('\n')).toHaveLength(1);
    expect(share(edited, 'checkout')).toBe(25);
  });

  it('keeps comments, odd spacing, key order and the other flags byte for byte', () => {
    const text = [
      '// flags for the shop — edited by hand',
      '{',
      '\t"flags": {',
      '\t\t/* do not touch: legal */',
      '\t\t"banner":   { "state": "DISABLED", "variants": { "on": true, "off": false }, "defaultVariant": "on" },',
      '\t\t"checkout": {',
      '\t\t\t"defaultVariant" : "off",   "state": "ENABLED",',
      '\t\t\t"variants": {"off": false, "on": true},',
      '\t\t\t"targeting": { "fractional": [ {"var": "email"}, [ "on" , 50 ], [ "off" , 50 ] ] }',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\r\n');
    const edited = editFlagPercentage(text, 'checkout', 0, 'f.json');
    expect(edited).toBe(text.replace('[ "on" , 50 ], [ "off" , 50 ]', '[ "on" , 0 ], [ "off" , 100 ]'));
    expect(share(edited, 'checkout')).toBe(0);
    expect(share(edited, 'banner')).toBe(0);
  });

  it('changes nothing when the flag already has that share', () => {
    const text =
      '{ "flags": { "x": { "state": "ENABLED", "variants": { "on": true, "off": false }, "defaultVariant": "off", "targeting": { "fractional": [["on", 50], ["off", 50]] } } } }\n';
    expect(editFlagPercentage(text, 'x', 50, 'f.json')).toBe(text);
  });

  it('adds a flag that is not there yet, leaving the others as they were', () => {
    const text =
      '{\n  "flags": {\n    "other": { "state": "ENABLED", "variants": { "a": 1 }, "defaultVariant": "a" }\n  }\n}\n';
    const edited = editFlagPercentage(text, 'new-checkout', 50, 'f.json');
    expect(
      edited.startsWith(
        '{\n  "flags": {\n    "other": { "state": "ENABLED", "variants": { "a": 1 }, "defaultVariant": "a" }',
      ),
    ).toBe(true);
    expect(share(edited, 'new-checkout')).toBe(50);
    expect(parseFlagDocument(edited, 'f.json').flags.other).toEqual({
      state: 'ENABLED',
      variants: { a: 1 },
      defaultVariant: 'a',
    });
  });

  it('turns a hand-written flag into a split, touching only the keys that differ', () => {
    const text =
      '{"flags": {"x": {"state": "DISABLED", "variants": {"on": true, "off": false}, "defaultVariant": "on", "metadata": {"team": "pay"}}}}';
    const edited = editFlagPercentage(text, 'x', 10, 'f.json');
    expect(share(edited, 'x')).toBe(10);
    expect(parseFlagDocument(edited, 'f.json').flags.x).toMatchObject({ metadata: { team: 'pay' }, state: 'ENABLED' });
    expect(
      edited.startsWith(
        '{"flags": {"x": {"state": "ENABLED", "variants": {"on": true, "off": false}, "defaultVariant": "off"',
      ),
    ).toBe(true);
  });

  it('starts a new flagd document for a missing or empty file', () => {
    expect(share(editFlagPercentage(undefined, 'x', 100, 'f.json'), 'x')).toBe(100);
    expect(share(editFlagPercentage(' \n', 'x', 0, 'f.json'), 'x')).toBe(0);
  });

  it('refuses a malformed file naming the file, line and column', () => {
    let error: unknown;
    try {
      editFlagPercentage(
        '{\n  "flags": {\n    "x": { "state": "ENABLED",, }\n  }\n}\n',
        'x',
        5,
        '/srv/flags.json on web-1',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlagError);
    expect((error as FlagError).code).toBe('flag-file-malformed');
    expect((error as Error).message).toBe(
      'flag file /srv/flags.json on web-1: not valid JSON at line 3, column 31 (PropertyNameExpected); it was left unchanged — fix or remove it',
    );
  });
});
