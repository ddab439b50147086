import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScreenshotArgs, unknownScreens } from './args';

describe('parseScreenshotArgs', () => {
  it('takes screen names, --build and --out', () => {
    expect(parseScreenshotArgs([], '/docs')).toEqual({ out: '/docs', build: false, only: [] });
    expect(parseScreenshotArgs(['plans', '--build', 'runs', '--out', 'shots'], '/docs')).toEqual({
      out: resolve('shots'),
      build: true,
      only: ['plans', 'runs'],
    });
  });

  it('refuses an unknown option and an --out with no folder, saying what to write', () => {
    expect(() => parseScreenshotArgs(['--dark'], '/docs')).toThrow(
      'unknown option --dark: use --build, --out <dir> or screen names',
    );
    expect(() => parseScreenshotArgs(['--out'], '/docs')).toThrow('--out needs a folder');
    expect(() => parseScreenshotArgs(['--out', '--build'], '/docs')).toThrow('--out needs a folder');
  });
});

describe('unknownScreens', () => {
  it('lists the names that are not screens', () => {
    expect(unknownScreens(['plans', 'nope'], ['plans', 'runs'])).toEqual(['nope']);
  });
});
