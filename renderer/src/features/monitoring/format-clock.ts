// Times on the monitoring screen: to the second in local time (alerts and windows are seconds
// apart), with the full date in tooltips. Text that is not a time is shown as it is.

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function formatClock(iso: string | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : clock.format(ms);
}
