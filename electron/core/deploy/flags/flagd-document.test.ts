import { describe, expect, it } from 'vitest';
import { FlagError } from './flag-error';
import {
  flagdSchema,
  flagPercentage,
  formatFlagDocument,
  parseFlagDocument,
  withFlagPercentage,
} from './flagd-document';

describe('flagd flag document', () => {
  const other = { state: 'ENABLED', variants: { red: 'red', blue: 'blue' }, defaultVariant: 'red' };

  it('sets one flag to a fractional split, leaving every other key of the file as it was', () => {
    const text = JSON.stringify({ $schema: flagdSchema, flags: { other }, $evaluators: { x: { in: [1, [1]] } } });
    const updated = withFlagPercentage(parseFlagDocument(text, 'f.json'), 'new-checkout', 50);
    expect(JSON.parse(formatFlagDocument(updated))).toEqual({
      $schema: flagdSchema,
      flags: {
        other,
        'new-checkout': {
          state: 'ENABLED',
          variants: { on: true, off: false },
          defaultVariant: 'off',
          targeting: {
            fractional: [
              ['on', 50],
              ['off', 50],
            ],
          },
        },
      },
      $evaluators: { x: { in: [1, [1]] } },
    });
    expect(flagPercentage(updated, 'new-checkout')).toBe(50);
    expect(flagPercentage(withFlagPercentage(updated, 'new-checkout', 0), 'new-checkout')).toBe(0);
    expect(flagPercentage(updated, 'missing')).toBeUndefined();
  });

  it('reads shares of flags written by hand: bucketing expression, disabled, no targeting', () => {
    const doc = parseFlagDocument(
      JSON.stringify({
        flags: {
          a: {
            state: 'ENABLED',
            variants: { on: true, off: false },
            defaultVariant: 'off',
            targeting: { fractional: [{ var: 'email' }, ['on', 1], ['off', 3]] },
          },
          b: { state: 'DISABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
          c: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
        },
      }),
      'f.json',
    );
    expect([flagPercentage(doc, 'a'), flagPercentage(doc, 'b'), flagPercentage(doc, 'c')]).toEqual([25, 0, 100]);
  });

  it('a missing or empty file starts a new document', () => {
    expect(parseFlagDocument(undefined, 'f.json')).toEqual({ $schema: flagdSchema, flags: {} });
    expect(parseFlagDocument('  \n', 'f.json').flags).toEqual({});
  });

  it.each([
    ['{"flags": {', 'not valid JSON'],
    ['[1, 2]', 'the top level must be a JSON object'],
    ['{"flags": []}', '"flags" must be an object'],
    ['{"flags": {"x": 3}}', 'flag "x" must be an object'],
  ])('malformed %s is refused naming the file', (text, why) => {
    let error: unknown;
    try {
      parseFlagDocument(text, '/srv/flags.json on web-1');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FlagError);
    expect((error as FlagError).code).toBe('flag-file-malformed');
    expect((error as Error).message).toContain('flag file /srv/flags.json on web-1: ');
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).toContain('left unchanged');
  });
});
