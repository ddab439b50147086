// What the chart wrapper draws: time series (x in epoch seconds) with threshold lines and shaded
// bands. Colours are token names, resolved against the current theme when the chart is drawn.

export type ChartColor = 'accent' | 'info' | 'success' | 'warning' | 'danger' | 'text-muted';

export interface ChartSeries {
  label: string;
  /** One value per x; null where nothing was measured (drawn as a gap, never as zero). */
  values: (number | null)[];
  color: ChartColor;
  dashed?: boolean;
}

export interface ChartThreshold {
  label: string;
  /** A shorter label (the rule's name) for a chart with no clear room for the whole one. */
  short?: string;
  value: number;
  tone: 'danger' | 'warning' | 'info';
}

export type BandKind = 'before' | 'during' | 'after' | 'downtime';

export interface ChartBand {
  /** Epoch seconds. */
  from: number;
  to: number;
  label: string;
  kind: BandKind;
}

/** A moment drawn as a vertical line across the plot: a cutover, a rollback. */
export interface ChartMoment {
  /** Epoch seconds. */
  at: number;
  label: string;
  tone: 'info' | 'danger' | 'success';
}

export interface TimeSeriesSpec {
  /** Epoch seconds, ascending. */
  x: number[];
  series: ChartSeries[];
  thresholds: ChartThreshold[];
  bands: ChartBand[];
  moments?: ChartMoment[];
  /** How a value reads on the axis, in the legend and in the table: `5 %`, `148 ms`. */
  format: (value: number) => string;
  /** Start the y axis at zero (rates, latencies); otherwise it closes in on the data. */
  zero?: boolean;
  /** Lowest and highest the y axis may show (percentages stop at 0 and 100). */
  floor?: number;
  ceiling?: number;
}
