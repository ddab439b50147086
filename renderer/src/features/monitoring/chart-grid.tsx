import { TimeSeriesChart } from '../../ui/chart/time-series-chart';
import type { MonitoringChart } from './chart-data';
import { formatClock } from './format-clock';

// The four charts, two by two, with one key for the bands they share.

function chartDescription(chart: MonitoringChart): string {
  const parts = [chart.latest ?? 'No figures yet'];
  const { thresholds } = chart.spec;
  if (thresholds.length > 0) {
    parts.push(
      `${thresholds.length} threshold${thresholds.length === 1 ? '' : 's'}: ${thresholds.map((t) => t.label).join('; ')}`,
    );
  }
  const moments = chart.spec.moments ?? [];
  if (moments.length > 0) {
    parts.push(moments.map((m) => `${m.label} ${formatClock(new Date(m.at * 1000).toISOString())}`).join('; '));
  }
  return parts.join(' · ');
}

export function BandKey({ downtime }: { downtime: boolean }) {
  return (
    <ul className="band-key" aria-label="Chart shading">
      <li>
        <span className="band-swatch band-before" aria-hidden /> Before cutover
      </li>
      <li>
        <span className="band-swatch band-during" aria-hidden /> During cutover
      </li>
      <li>
        <span className="band-swatch band-after" aria-hidden /> After cutover
      </li>
      {downtime ? (
        <li>
          <span className="band-swatch band-downtime" aria-hidden /> Downtime
        </li>
      ) : null}
      <li>
        <span className="band-swatch band-threshold" aria-hidden /> Alert threshold (dashed)
      </li>
    </ul>
  );
}

export function ChartGrid({ charts }: { charts: readonly MonitoringChart[] }) {
  return (
    <div className="monitoring-charts">
      {charts.map((chart) => (
        <div key={chart.id} className="monitoring-chart-cell" data-chart={chart.id}>
          <TimeSeriesChart title={chart.title} description={chartDescription(chart)} spec={chart.spec} />
        </div>
      ))}
    </div>
  );
}
