import { readFileSync } from 'node:fs';

/** The app's version from package.json, for hosts that are not Electron (which has app.getVersion). */
export function readAppVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}
