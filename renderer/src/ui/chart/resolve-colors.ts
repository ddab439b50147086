// tokens.css writes colours as light-dark(…) pairs, which a canvas cannot take. A probe element
// inside the chart lets the browser resolve each token for the current scheme into rgb().

export const paletteTokens = [
  'accent',
  'info',
  'success',
  'warning',
  'danger',
  'text',
  'text-muted',
  'border',
  'bg-surface',
  'bg-subtle',
  'accent-soft',
  'info-soft',
  'danger-soft',
  'neutral-soft',
] as const;
export type PaletteToken = (typeof paletteTokens)[number];
export type Palette = Record<PaletteToken, string>;

export function resolvePalette(host: HTMLElement): Palette {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  host.append(probe);
  const palette = {} as Palette;
  for (const token of paletteTokens) {
    probe.style.color = `var(--${token})`;
    palette[token] = getComputedStyle(probe).color;
  }
  probe.remove();
  return palette;
}

export function cssFont(host: HTMLElement, size: number): string {
  return `${size}px ${getComputedStyle(host).fontFamily}`;
}
