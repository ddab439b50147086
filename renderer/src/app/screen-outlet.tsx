import type { ComponentType } from 'react';
import { DashboardScreen } from '../features/dashboard/dashboard-screen';
import { EnvironmentsScreen } from '../features/environments/environments-screen';
import { LogsScreen } from '../features/logs/logs-screen';
import { MonitoringScreen } from '../features/monitoring/monitoring-screen';
import { PlansScreen } from '../features/plans/plans-screen';
import { ReportsScreen } from '../features/reports/reports-screen';
import { RunbooksScreen } from '../features/runbooks/runbooks-screen';
import { RunsScreen } from '../features/runs/runs-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import type { ScreenId } from './routes';

const screenComponents: Record<ScreenId, ComponentType> = {
  dashboard: DashboardScreen,
  runbooks: RunbooksScreen,
  environments: EnvironmentsScreen,
  runs: RunsScreen,
  logs: LogsScreen,
  reports: ReportsScreen,
  settings: SettingsScreen,
  plans: PlansScreen,
  monitoring: MonitoringScreen,
};

export function ScreenOutlet({ screen }: { screen: ScreenId }) {
  const Screen = screenComponents[screen];
  return <Screen />;
}
