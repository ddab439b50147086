import type { ChartThreshold } from './chart-types';

// The y range of a chart: every value and every threshold in view (a threshold far above the data
// still shows where the line is), with a little headroom, clamped to what the unit allows.

export function yRange(
  series: readonly { values: readonly (number | null)[] }[],
  thresholds: readonly ChartThreshold[],
  bounds: { zero?: boolean; floor?: number; ceiling?: number } = {},
): [number, number] {
  const values = [
    ...series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v))),
    ...thresholds.map((t) => t.value),
  ];
  if (values.length === 0) return [bounds.floor ?? 0, bounds.ceiling ?? 1];
  let min = Math.min(...values);
  let max = Math.max(...values);
  // Rates and latencies read honestly from zero; availability (99.2–100 %) needs the close-up.
  if (bounds.zero && min > 0) min = 0;
  const span = max - min || Math.abs(max) || 1;
  max += span * 0.1;
  min -= min === 0 ? 0 : span * 0.1;
  if (bounds.floor !== undefined) min = Math.max(bounds.floor, min);
  if (bounds.ceiling !== undefined) max = Math.min(bounds.ceiling, max);
  if (max <= min) max = min + 1;
  return [min, max];
}
