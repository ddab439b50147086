// The command that starts the browser host again on the same port and data folder: printed when
// the host stops, and shown by the page once the host is gone, so nobody has to guess either.

/** Quotes an argument for a POSIX shell only when it needs it. */
function shellArg(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

export function webStartCommand(port: number | string, dataDir: string): string {
  return `npx release-pilot web --port ${port} --data-dir ${shellArg(dataDir)}`;
}
