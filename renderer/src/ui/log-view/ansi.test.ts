import { describe, expect, it } from 'vitest';
import { isPlainText, nearestBasic, paletteIndexOf256, parseAnsi, stripAnsi } from './ansi';

const esc = '\u001b';

describe('parseAnsi', () => {
  it('returns plain text as one unstyled span', () => {
    expect(parseAnsi('hello world')).toEqual([{ text: 'hello world', className: '' }]);
    expect(parseAnsi('')).toEqual([]);
  });

  it('turns SGR colours into palette classes and resets them', () => {
    expect(parseAnsi(`a ${esc}[31mred${esc}[0m b`)).toEqual([
      { text: 'a ', className: '' },
      { text: 'red', className: 'ansi-fg-1' },
      { text: ' b', className: '' },
    ]);
  });

  it('combines bold, bright and background, and `ESC[m` resets everything', () => {
    expect(parseAnsi(`${esc}[1;93;44mX${esc}[mY`)).toEqual([
      { text: 'X', className: 'ansi-fg-11 ansi-bg-4 ansi-bold' },
      { text: 'Y', className: '' },
    ]);
  });

  it('switches single attributes off (22, 39, 49)', () => {
    expect(parseAnsi(`${esc}[1;32;41mA${esc}[22mB${esc}[39mC${esc}[49mD`)).toEqual([
      { text: 'A', className: 'ansi-fg-2 ansi-bg-1 ansi-bold' },
      { text: 'B', className: 'ansi-fg-2 ansi-bg-1' },
      { text: 'C', className: 'ansi-bg-1' },
      { text: 'D', className: '' },
    ]);
  });

  it('maps 256-colour and true-colour codes to the 16-colour palette', () => {
    expect(parseAnsi(`${esc}[38;5;9mA`)[0]!.className).toBe('ansi-fg-9');
    expect(parseAnsi(`${esc}[38;5;196mA`)[0]!.className).toBe('ansi-fg-9'); // bright red in the cube
    expect(parseAnsi(`${esc}[48;2;0;0;139mA`)[0]!.className).toBe('ansi-bg-4'); // dark blue
    expect(parseAnsi(`${esc}[38:2::255:255:255mA`)[0]!.className).toBe('ansi-fg-15');
  });

  it('swaps colours for inverse video, using the theme colours when none is set', () => {
    expect(parseAnsi(`${esc}[7mA`)[0]!.className).toBe('ansi-fg-bg ansi-bg-fg');
    expect(parseAnsi(`${esc}[31;7mA`)[0]!.className).toBe('ansi-fg-bg ansi-bg-1');
  });

  it('drops other escape sequences and control characters, keeping tabs', () => {
    expect(stripAnsi(`${esc}[2K${esc}[1Gdone\tok\u0007`)).toBe('done\tok');
    // OSC 8 hyperlink: the link text stays, the target does not.
    expect(stripAnsi(`${esc}]8;;https://example.test${esc}\\link${esc}]8;;\u0007 after`)).toBe('link after');
    expect(stripAnsi(`${esc}(Bcharset`)).toBe('charset');
  });

  it('survives a sequence cut off at the end of the line', () => {
    expect(parseAnsi(`ok ${esc}[31`)).toEqual([{ text: 'ok ', className: '' }]);
    expect(stripAnsi(`ok${esc}`)).toBe('ok');
    expect(stripAnsi(`${esc}[38;5mbad 256 colour`)).toBe('bad 256 colour');
  });

  it('ignores malformed colour parameters instead of throwing', () => {
    expect(parseAnsi(`${esc}[38;5;999mA`)).toEqual([{ text: 'A', className: '' }]);
    expect(parseAnsi(`${esc}[38;2;1mA`)).toEqual([{ text: 'A', className: '' }]);
    expect(parseAnsi(`${esc}[;;31mA`)).toEqual([{ text: 'A', className: 'ansi-fg-1' }]);
  });
});

describe('colour mapping', () => {
  it('keeps the first 16 colours and maps greys by brightness', () => {
    expect(paletteIndexOf256(3)).toBe(3);
    expect(paletteIndexOf256(232)).toBe(0);
    expect(paletteIndexOf256(244)).toBe(8);
    expect(paletteIndexOf256(250)).toBe(7);
    expect(paletteIndexOf256(255)).toBe(15);
    expect(nearestBasic(0, 200, 0)).toBe(2);
    expect(nearestBasic(0, 255, 0)).toBe(10);
  });
});

describe('isPlainText', () => {
  it('is false for escape codes and control characters, true with tabs', () => {
    expect(isPlainText('a\tb')).toBe(true);
    expect(isPlainText(`a${esc}[0m`)).toBe(false);
    expect(isPlainText('a\u0000')).toBe(false);
  });
});
