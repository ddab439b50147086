import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { drawBands, drawMoments, drawThresholds } from './chart-draw';
import { yRange } from './chart-range';
import { ChartTable } from './chart-table';
import type { TimeSeriesSpec } from './chart-types';
import { cssFont, type Palette, resolvePalette } from './resolve-colors';
import { useColorScheme } from './use-color-scheme';
import './chart.css';

// A time-series chart on uPlot (small, fast, canvas): the series, the bands and thresholds drawn
// in the theme's colours, redrawn when the theme or the data changes. The canvas is hidden from
// assistive tech; a visually hidden table carries the same figures for screen readers.

export interface TimeSeriesChartProps {
  /** The chart's name, e.g. "Error rate"; names the figure and its table. */
  title: string;
  /** A line under the title: the latest figure and the thresholds in words. */
  description?: string;
  spec: TimeSeriesSpec;
  height?: number;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const hourMinute = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Axis ticks in 24-hour local time: seconds only where a tick is not on the minute. */
function axisTime(seconds: number): string {
  return seconds % 60 === 0 ? hourMinute.format(seconds * 1000) : timeOfDay.format(seconds * 1000);
}

function options(spec: TimeSeriesSpec, palette: Palette, host: HTMLElement, width: number, height: number) {
  const font = cssFont(host, 11);
  const range = yRange(spec.series, spec.thresholds, { zero: spec.zero, floor: spec.floor, ceiling: spec.ceiling });
  const axis = {
    stroke: palette['text-muted'],
    font,
    grid: { stroke: palette.border, width: 1 },
    ticks: { stroke: palette.border, width: 1, size: 4 },
  };
  // Values show while the pointer is over the chart; at rest the legend is just the series' names.
  const value = (_: uPlot, raw: number | null) => (raw === null || raw === undefined ? '' : spec.format(raw));
  return {
    width,
    height,
    // Room above the plot for the phase names.
    padding: [20, 12, 0, 0],
    cursor: { drag: { x: false, y: false } },
    legend: { show: true, live: true },
    scales: {
      // Wide enough for every moment (a rollback just after the last window), with a little room
      // at the right so a line on the last instant is not clipped by the plot's edge.
      x: {
        time: true,
        range: (_: uPlot, min: number, max: number): uPlot.Range.MinMax => {
          const ats = (spec.moments ?? []).map((m) => m.at);
          const low = Math.min(min, ...ats);
          const high = Math.max(max, ...ats);
          return ats.length > 0 ? [low, high + (high - low) * 0.02] : [min, max];
        },
      },
      y: { range: (): uPlot.Range.MinMax => range },
    },
    axes: [
      { ...axis, space: 64, size: 30, values: (_: uPlot, splits: number[]) => splits.map((v) => axisTime(v)) },
      { ...axis, size: 72, values: (_: uPlot, splits: number[]) => splits.map((v) => spec.format(v)) },
    ],
    series: [
      { label: 'Time', value: (_: uPlot, raw: number | null) => (raw == null ? '' : timeOfDay.format(raw * 1000)) },
      ...spec.series.map((series) => ({
        label: series.label,
        stroke: palette[series.color],
        width: 2,
        dash: series.dashed ? [5, 4] : undefined,
        points: { show: spec.x.length <= 60, size: 5, fill: palette['bg-surface'] },
        spanGaps: false,
        value,
      })),
    ],
    hooks: {
      drawClear: [(u: uPlot) => drawBands(u, spec.bands, palette, font)],
      draw: [
        (u: uPlot) => {
          drawMoments(u, spec.moments ?? [], palette, font);
          drawThresholds(u, spec.thresholds, palette, font, spec.moments);
        },
      ],
    },
  } satisfies uPlot.Options;
}

export function TimeSeriesChart({ title, description, spec, height = 200 }: TimeSeriesChartProps) {
  const titleId = useId();
  const host = useRef<HTMLDivElement>(null);
  const scheme = useColorScheme();

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    // The scheme is read by resolvePalette through CSS; naming it here redraws on a theme switch.
    void scheme;
    const palette = resolvePalette(element);
    const width = () => Math.max(element.clientWidth, 240);
    const data: uPlot.AlignedData = [spec.x, ...spec.series.map((s) => s.values)];
    const plot = new uPlot(options(spec, palette, element, width(), height), data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec, scheme, height]);

  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption className="chart-caption">
        <span id={titleId} className="chart-title">
          {title}
        </span>
        {description ? <span className="chart-description">{description}</span> : null}
      </figcaption>
      <div className="chart-canvas" ref={host} aria-hidden="true" />
      <ChartTable caption={`${title}: the figures of each window`} spec={spec} timeOfDay={timeOfDay} />
    </figure>
  );
}
