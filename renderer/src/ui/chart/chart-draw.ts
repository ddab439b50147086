import type uPlot from 'uplot';
import type { ChartBand, ChartMoment, ChartThreshold } from './chart-types';
import { type Box, type Polyline, placeLabel } from './label-place';
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

/** The series as pixel polylines, for keeping labels off them. */
function seriesLines(u: uPlot): Polyline[] {
  const xs = u.data[0] as number[];
  return u.data.slice(1).map((values) =>
    xs.map((x, i) => {
      const v = values[i];
      return v === null || v === undefined ? null : { x: u.valToPos(x, 'x', true), y: u.valToPos(v, 'y', true) };
    }),
  );
}

export function drawThresholds(
  u: uPlot,
  thresholds: readonly ChartThreshold[],
  palette: Palette,
  font: string,
  moments: readonly ChartMoment[] = [],
): void {
  const { ctx, bbox } = u;
  const ratio = window.devicePixelRatio || 1;
  ctx.save();
  ctx.font = font.replace(/^(\d+)px/, (_, px) => `${Number(px) * ratio}px`);
  // Two whole pixels on a whole-pixel row: crisp, not smeared across three rows by antialiasing.
  ctx.lineWidth = Math.round(2 * ratio);
  ctx.setLineDash([6 * ratio, 4 * ratio]);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'bottom';
  const plot = { left: bbox.left, top: bbox.top, right: bbox.left + bbox.width, bottom: bbox.top + bbox.height };
  const shown = thresholds
    .map((threshold) => ({ threshold, y: Math.round(u.valToPos(threshold.value, 'y', true)) }))
    .filter(({ y }) => y >= bbox.top && y <= bbox.top + bbox.height);
  for (const { threshold, y } of shown) {
    ctx.strokeStyle = toneColor(threshold.tone, palette);
    ctx.beginPath();
    ctx.moveTo(bbox.left, y);
    ctx.lineTo(bbox.left + bbox.width, y);
    ctx.stroke();
  }
  // Each label where no series line, no other threshold line and no other label is (#14 item 7).
  const lines: Polyline[] = [
    ...seriesLines(u),
    ...shown.map(({ y }) => [
      { x: plot.left, y },
      { x: plot.right, y },
    ]),
    ...moments.map((moment) => {
      const x = u.valToPos(moment.at, 'x', true);
      return [
        { x, y: plot.top },
        { x, y: plot.bottom },
      ];
    }),
  ];
  const placed: Array<{ label: string; clear: boolean } & Box> = [];
  for (const { threshold, y } of shown) {
    const others = lines.filter((line) => !(line.length === 2 && line[0]?.y === y && line[1]?.y === y));
    const place = (label: string) => ({
      text: label,
      ...placeLabel(
        y,
        ctx.measureText(label).width + 6 * ratio,
        13 * ratio,
        plot,
        others,
        placed,
        4 * ratio,
        4 * ratio,
      ),
    });
    // The whole label where it fits clear; else the rule's name alone; else the whole one on a plate.
    const full = place(threshold.label);
    const short = !full.clear && threshold.short ? place(threshold.short) : undefined;
    const { text, box, clear } = short?.clear ? short : full;
    placed.push({ label: text, clear, ...box });
    // Only a label with no clear spot needs a plate to stay legible over what it covers.
    if (!clear) {
      ctx.fillStyle = palette['bg-surface'];
      ctx.fillRect(box.left, box.top, box.right - box.left, box.bottom - box.top);
    }
    ctx.fillStyle = toneColor(threshold.tone, palette);
    ctx.fillText(text, box.left + 3 * ratio, box.bottom - 1 * ratio);
  }
  // Where each label went, in canvas pixels: the e2e spec checks the canvas there.
  u.root.dataset.thresholdLabels = JSON.stringify(placed);
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
