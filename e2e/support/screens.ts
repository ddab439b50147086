/**
 * Every screen as the sidebar lists it, top to bottom: its route id and its link's (and heading's)
 * name. Ctrl+1…9 follow this order. Written out here rather than imported, so the specs check the
 * app against what the README promises.
 */
export const sidebarScreens = [
  { id: 'dashboard', name: 'Dashboard' },
  { id: 'runbooks', name: 'Runbooks' },
  { id: 'environments', name: 'Environments' },
  { id: 'plans', name: 'Plan' },
  { id: 'runs', name: 'Runs' },
  { id: 'logs', name: 'Logs' },
  { id: 'monitoring', name: 'Monitoring' },
  { id: 'reports', name: 'Reports' },
  { id: 'settings', name: 'Settings' },
] as const;
