import type { AutomaticCheck } from '../formats/checklist-schema';
import { interpolate, interpolateMap } from '../formats/interpolate';
import type { PlanContext } from './plan-action';

// An automatic checklist check with its variables resolved, like an action's plan: `${version}` in
// a URL or an expected body means the version being deployed, not the literal text.

export function planCheck(check: AutomaticCheck, ctx: PlanContext): AutomaticCheck {
  const s = (text: string) => interpolate(text, ctx.scope);
  switch (check.type) {
    case 'command':
      return { ...check, argv: check.argv.map(s), cwd: check.cwd && s(check.cwd) };
    case 'coverage':
      return { ...check, file: s(check.file) };
    case 'http':
      return {
        ...check,
        url: s(check.url),
        headers: check.headers && interpolateMap(check.headers, ctx.scope),
        body: check.body && s(check.body),
        expectBodyContains: check.expectBodyContains && s(check.expectBodyContains),
      };
  }
}
