// The screens and the hash routes that reach them (`#/runs`). Hash routing because the Electron
// window loads a file:// page and the browser host serves one index.html: neither needs a server
// that knows the routes, and a reload lands on the same screen.

export const screens = [
  'dashboard',
  'runbooks',
  'environments',
  'runs',
  'logs',
  'reports',
  'settings',
  'plans',
  'monitoring',
] as const;
export type ScreenId = (typeof screens)[number];

/** The sidebar's order: the work screens at the top, Settings apart at the bottom. Ctrl+1…9 follow it. */
export const primaryScreens: readonly ScreenId[] = [
  'dashboard',
  'runbooks',
  'environments',
  'plans',
  'runs',
  'logs',
  'monitoring',
  'reports',
];
export const secondaryScreens: readonly ScreenId[] = ['settings'];
export const navOrder: readonly ScreenId[] = [...primaryScreens, ...secondaryScreens];

export const screenLabels: Record<ScreenId, string> = {
  dashboard: 'Dashboard',
  runbooks: 'Runbooks',
  environments: 'Environments',
  runs: 'Runs',
  logs: 'Logs',
  reports: 'Reports',
  settings: 'Settings',
  plans: 'Plan',
  monitoring: 'Monitoring',
};

export const defaultScreen: ScreenId = 'dashboard';

export interface Route {
  screen: ScreenId;
  /** Path segments after the screen (`#/runs/<id>` → `[id]`), for the detail views to come. */
  params: string[];
}

export function isScreenId(value: string): value is ScreenId {
  return (screens as readonly string[]).includes(value);
}

/** `#/runs/abc` → runs + [abc]. An empty hash is the dashboard; an unknown one is undefined. */
export function parseHash(hash: string): Route | undefined {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '');
  if (path === '') return { screen: defaultScreen, params: [] };
  const [first = '', ...rest] = path.split('/').filter(Boolean);
  const screen = safeDecode(first).toLowerCase();
  if (!isScreenId(screen)) return undefined;
  return { screen, params: rest.map(safeDecode) };
}

export function hrefFor(screen: ScreenId, ...params: string[]): string {
  return `#/${[screen, ...params.map(encodeURIComponent)].join('/')}`;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
