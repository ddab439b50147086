import type { ComponentType } from 'react';
import { Activity } from '../features/monitoring/monitoring-icons';
import { ClipboardList } from '../features/plans/plan-icons';
import { BookOpen, FileText, LayoutDashboard, Rocket, Server, Settings } from '../ui/icons';
import { ScrollText } from '../ui/log-view/log-icons';
import type { ScreenId } from './routes';

type Icon = ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;

/** The icon of each screen in the sidebar; kept apart from routes.ts so that stays pure. */
export const screenIcons: Record<ScreenId, Icon> = {
  dashboard: LayoutDashboard,
  runbooks: BookOpen,
  environments: Server,
  runs: Rocket,
  logs: ScrollText,
  reports: FileText,
  settings: Settings,
  plans: ClipboardList,
  monitoring: Activity,
};

/** The sidebar's order lives in routes.ts, where the keyboard shortcuts read it too. */
export { primaryScreens, secondaryScreens } from './routes';
