import { createHash } from 'node:crypto';
import { planDigestText } from '../../../shared/planning/deployment-plan';
import type { DeploymentPlan, UnsignedPlan } from '../../../shared/planning/plan-types';

// The plan's digest: sha256 over the canonical JSON of its content. Here rather than in shared/
// because shared code has no node:crypto; the run journals it in plan.recorded, so a reviewer can
// match the exported markdown with what was carried out.

export function planDigest(plan: UnsignedPlan): string {
  return createHash('sha256').update(planDigestText(plan)).digest('hex');
}

export function signPlan(plan: UnsignedPlan): DeploymentPlan {
  return { ...plan, digest: planDigest(plan) };
}
