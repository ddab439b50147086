// ANSI SGR (colour and weight) escape codes → spans carrying CSS classes. Colours become one of the
// 16 standard palette classes even when a tool asks for 256 colours or true colour: the palette is
// defined per theme in log-view.css, so a line stays readable in both themes, which a literal
// `#ffff00` on white would not. Other escape sequences (cursor moves, erase, OSC titles and
// hyperlinks) and control characters are removed.

export interface AnsiSpan {
  text: string;
  /** Space-separated `ansi-*` classes; empty for default text. */
  className: string;
}

interface Style {
  fg?: number;
  bg?: number;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
  strike?: boolean;
}

const ESC = 0x1b;
const BEL = 0x07;
const TAB = 0x09;

function isControl(code: number): boolean {
  return (code < 0x20 && code !== TAB) || code === 0x7f;
}

/** True when the text has no escape codes or control characters: the common, fast case. */
export function isPlainText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return false;
  return true;
}

/** The text without escape codes and control characters (tabs kept). */
export function stripAnsi(text: string): string {
  if (isPlainText(text)) return text;
  let out = '';
  for (const span of parseAnsi(text)) out += span.text;
  return out;
}

export function parseAnsi(text: string): AnsiSpan[] {
  if (isPlainText(text)) return text ? [{ text, className: '' }] : [];
  const spans: AnsiSpan[] = [];
  let style: Style = {};
  let chunk = '';
  const emit = () => {
    if (!chunk) return;
    const className = classesOf(style);
    const last = spans[spans.length - 1];
    if (last && last.className === className) last.text += chunk;
    else spans.push({ text: chunk, className });
    chunk = '';
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (!isControl(code)) {
      let j = i + 1;
      while (j < text.length && !isControl(text.charCodeAt(j))) j++;
      chunk += text.slice(i, j);
      i = j;
      continue;
    }
    if (code !== ESC) {
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === '[') {
      const end = csiEnd(text, i + 2);
      if (end < 0) break; // cut off mid-sequence: drop the remainder
      if (text[end] === 'm') {
        emit();
        style = applySgr(style, text.slice(i + 2, end));
      }
      i = end + 1;
    } else if (next === ']' || next === 'P' || next === '_' || next === '^') {
      i = stringEnd(text, i + 2);
    } else if (next === '(' || next === ')' || next === '*' || next === '+') {
      i += 3;
    } else {
      i += 2;
    }
  }
  emit();
  return spans;
}

/** Index of a CSI sequence's final byte (0x40–0x7e), or -1 when the text ends first. */
function csiEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) return j;
  }
  return -1;
}

/** After an OSC/DCS string: ends at BEL or ESC \ (or the end of the text). */
function stringEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === BEL) return j + 1;
    if (c === ESC && text[j + 1] === '\\') return j + 2;
  }
  return text.length;
}

function applySgr(current: Style, params: string): Style {
  const style = { ...current };
  // Empty parameters are 0 (`ESC[m` resets). A parameter may carry colon sub-parameters
  // (`38:5:n`, `38:2::r:g:b`); the semicolon form spreads the same values over the next codes.
  const parts = params.split(';');
  const num = (p: string | undefined) => (p === undefined ? undefined : p === '' ? 0 : Number(p));
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (part.includes(':')) {
      const sub = part.split(':').map(num) as number[];
      if (sub[0] === 38 || sub[0] === 48) {
        const colour = sub[1] === 5 ? paletteOf256(sub[2]) : sub[1] === 2 ? paletteOfRgb(sub.slice(-3)) : undefined;
        if (colour !== undefined) style[sub[0] === 38 ? 'fg' : 'bg'] = colour;
      }
      continue;
    }
    const code = num(part)!;
    if (code === 38 || code === 48) {
      const kind = num(parts[k + 1]);
      const values = kind === 5 ? [num(parts[k + 2])] : kind === 2 ? parts.slice(k + 2, k + 5).map(num) : [];
      const colour = kind === 5 ? paletteOf256(values[0]) : kind === 2 ? paletteOfRgb(values) : undefined;
      if (colour !== undefined) style[code === 38 ? 'fg' : 'bg'] = colour;
      k += 1 + values.length;
      continue;
    }
    applyCode(style, code);
  }
  return style;
}

function applyCode(style: Style, code: number): void {
  if (code === 0) {
    for (const key of Object.keys(style)) delete style[key as keyof Style];
  } else if (code === 1) style.bold = true;
  else if (code === 2) style.dim = true;
  else if (code === 3) style.italic = true;
  else if (code === 4 || code === 21) style.underline = true;
  else if (code === 7) style.inverse = true;
  else if (code === 9) style.strike = true;
  else if (code === 22) style.bold = style.dim = false;
  else if (code === 23) style.italic = false;
  else if (code === 24) style.underline = false;
  else if (code === 27) style.inverse = false;
  else if (code === 29) style.strike = false;
  else if (code >= 30 && code <= 37) style.fg = code - 30;
  else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
  else if (code === 39) style.fg = undefined;
  else if (code >= 40 && code <= 47) style.bg = code - 40;
  else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
  else if (code === 49) style.bg = undefined;
}

const isByte = (v: number | undefined): v is number => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255;

function paletteOf256(n: number | undefined): number | undefined {
  return isByte(n) ? paletteIndexOf256(n) : undefined;
}

function paletteOfRgb(rgb: (number | undefined)[]): number | undefined {
  const [r, g, b] = rgb;
  return rgb.length === 3 && isByte(r) && isByte(g) && isByte(b) ? nearestBasic(r, g, b) : undefined;
}

const cubeLevels = [0, 95, 135, 175, 215, 255];

export function paletteIndexOf256(n: number): number {
  if (n < 16) return n;
  if (n >= 232) {
    const grey = 8 + (n - 232) * 10;
    return nearestBasic(grey, grey, grey);
  }
  const cube = n - 16;
  return nearestBasic(cubeLevels[Math.floor(cube / 36)]!, cubeLevels[Math.floor(cube / 6) % 6]!, cubeLevels[cube % 6]!);
}

/** The closest of the 16 standard colours, by which channels are lit and how brightly. */
export function nearestBasic(r: number, g: number, b: number): number {
  const max = Math.max(r, g, b);
  if (max - Math.min(r, g, b) < 32) return max < 64 ? 0 : max < 160 ? 8 : max < 224 ? 7 : 15; // a grey
  const base = (r >= 128 ? 1 : 0) | (g >= 128 ? 2 : 0) | (b >= 128 ? 4 : 0);
  if (base === 0) return max >= 64 ? 8 : 0;
  if (base === 7) return max >= 224 ? 15 : 7;
  return max >= 224 ? base + 8 : base;
}

function classesOf(style: Style): string {
  const classes: string[] = [];
  const fg = style.inverse ? (style.bg ?? 'bg') : style.fg;
  const bg = style.inverse ? (style.fg ?? 'fg') : style.bg;
  if (fg !== undefined) classes.push(`ansi-fg-${fg}`);
  if (bg !== undefined) classes.push(`ansi-bg-${bg}`);
  if (style.bold) classes.push('ansi-bold');
  if (style.dim) classes.push('ansi-dim');
  if (style.italic) classes.push('ansi-italic');
  if (style.underline) classes.push('ansi-underline');
  if (style.strike) classes.push('ansi-strike');
  return classes.join(' ');
}
