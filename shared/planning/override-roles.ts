import type { Runbook } from '../formats/runbook-schema';

// Who may start a run outside the deployment window: the runbook's `overrideRoles:`, by default
// the release manager.

export const defaultOverrideRoles: readonly string[] = ['release-manager'];

export function overrideRolesOf(runbook: Pick<Runbook, 'overrideRoles'>): string[] {
  return runbook.overrideRoles ? [...runbook.overrideRoles] : [...defaultOverrideRoles];
}
