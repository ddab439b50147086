import type uPlot from 'uplot';
import type { ChartBand, ChartMoment, ChartThreshold } from './chart-types';
import type { Palette } from './resolve-colors';

// What uPlot does not draw by itself: shaded bands under the series (phases of the run, the
// downtime) and dashed threshold lines over them, each labelled, in the theme's colours.

const bandFill = (kind: ChartBand['kind'], palette: Palette): string =>
  kind === 'downtime'
    ? palette['danger-soft']
    : kind === 'during'
      ? palette['info-soft']
      : kind === 'after'
        ? palette['neutral-soft']
        : 'transparent';

export function drawBands(u: uPlot, bands: readonly ChartBand[], palette: Palette, font: string): void {
  const { ctx, bbox } = u;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = font.replace(/^(\d+)px/, (_, px) => `${Number(px) * ratio}px`);
  ctx.textBaseline = 'bottom';
  for (const band of bands) {
    const left = Math.max(bbox.left, u.valToPos(band.from, 'x', true));
    const right = Math.min(bbox.left + bbox.width, u.valToPos(band.to, 'x', true));
    if (right <= left) continue;
    ctx.fillStyle = bandFill(band.kind, palette);
    ctx.fillRect(left, bbox.top, right - left, bbox.height);
    if (band.kind === 'downtime') {
      // Often a second or two in a run of minutes: never thinner than a visible stripe.
      const width = Math.max(right - left, 3 * ratio);
      ctx.fillRect(left, bbox.top, width, bbox.height);
      ctx.fillStyle = palette.danger;
      ctx.fillRect(left, bbox.top, width, 4 * ratio);
      continue;
    }
    // Phase names above the plot (in its top padding), where no line or threshold label can cover them.
    if (right - left > ctx.measureText(band.label).width + 8 * ratio) {
      ctx.fillStyle = palette['text-muted'];
      ctx.fillText(band.label, left + 4 * ratio, bbox.top - 3 * ratio);
    }
  }
  ctx.restore();
}

const toneColor = (tone: ChartThreshold['tone'], palette: Palette) => palette[tone];

export function drawThresholds(u: uPlot, thresholds: readonly ChartThreshold[], palette: Palette, font: string): void {
  const { ctx, bbox } = u;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = font.replace(/^(\d+)px/, (_, px) => `${Number(px) * ratio}px`);
  // Two whole pixels on a whole-pixel row: crisp, not smeared across three rows by antialiasing.
  ctx.lineWidth = Math.round(2 * ratio);
  ctx.setLineDash([6 * ratio, 4 * ratio]);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  for (const threshold of thresholds) {
    const y = Math.round(u.valToPos(threshold.value, 'y', true));
    if (y < bbox.top || y > bbox.top + bbox.height) continue;
    const color = toneColor(threshold.tone, palette);
    ctx.strokeStyle = color;
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
    // The label sits on a surface-coloured plate so it stays legible over a series line.
    const text = threshold.label;
    const width = ctx.measureText(text).width;
    const x = bbox.left + bbox.width - 4 * ratio;
    ctx.fillStyle = palette['bg-surface'];
    ctx.fillRect(x - width - 3 * ratio, y - 15 * ratio, width + 6 * ratio, 13 * ratio);
    ctx.fillStyle = color;
    ctx.fillText(text, x, y - 3 * ratio);
  }
  ctx.restore();
}

/** Cutover and rollback moments: a solid vertical line each, named at the plot's foot on a plate. */
export function drawMoments(u: uPlot, moments: readonly ChartMoment[], palette: Palette, font: string): void {
  const { ctx, bbox } = u;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = font.replace(/^(\d+)px/, (_, px) => `${Number(px) * ratio}px`);
  ctx.lineWidth = Math.round(2 * ratio);
  ctx.textBaseline = 'bottom';
  const placed: Array<{ left: number; right: number; bottom: number }> = [];
  const lines: number[] = [];
  for (const moment of moments) {
    const x = Math.round(u.valToPos(moment.at, 'x', true));
    if (x < bbox.left || x > bbox.left + bbox.width) continue;
    const color = palette[moment.tone];
    // A moment on (nearly) the same pixel as one drawn before keeps that line (a rollback's start,
    // not its end 0.1 s later); its label still shows, stacked.
    if (!lines.some((drawn) => Math.abs(drawn - x) < 4 * ratio)) {
      lines.push(x);
      ctx.strokeStyle = color;
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
    }
    const width = ctx.measureText(moment.label).width;
    // Left of the line when there is no room on its right.
    const left = x + width + 10 * ratio > bbox.left + bbox.width ? x - width - 6 * ratio : x + 4 * ratio;
    // Moments seconds apart (a rollback and its end) would print over each other: a label that
    // would touch one already placed goes a row up.
    let bottom = bbox.top + bbox.height - 3 * ratio;
    const row = 14 * ratio;
    while (placed.some((p) => left < p.right && left + width > p.left && Math.abs(p.bottom - bottom) < row)) {
      bottom -= row;
    }
    placed.push({ left: left - 2 * ratio, right: left + width + 2 * ratio, bottom });
    ctx.fillStyle = palette['bg-surface'];
    ctx.fillRect(left - 2 * ratio, bottom - 12 * ratio, width + 4 * ratio, 13 * ratio);
    ctx.fillStyle = color;
    ctx.fillText(moment.label, left, bottom);
  }
  ctx.restore();
}
