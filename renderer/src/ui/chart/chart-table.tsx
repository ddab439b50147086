import type { TimeSeriesSpec } from './chart-types';

/** The chart's figures as a table only screen readers see: one row per time, one column per series. */
export function ChartTable({
  caption,
  spec,
  timeOfDay,
}: {
  caption: string;
  spec: TimeSeriesSpec;
  timeOfDay: Intl.DateTimeFormat;
}) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          {spec.series.map((series) => (
            <th key={series.label} scope="col">
              {series.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {spec.x.map((x, row) => (
          <tr key={x}>
            <th scope="row">{timeOfDay.format(x * 1000)}</th>
            {spec.series.map((series) => {
              const value = series.values[row];
              return (
                <td key={series.label}>{value === null || value === undefined ? 'no data' : spec.format(value)}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
