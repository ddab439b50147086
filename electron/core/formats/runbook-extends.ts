import type { Origin } from './load-yaml-with-schema';
import type { FieldPath } from './node-position';
import { isRecord, type YamlSource } from './yaml-source';

// `extends: default`: the project's runbook starts from the built-in one. Done on the plain data
// BEFORE validation, so the merged runbook is checked as a whole; `origin` maps every field of the
// result back to the file (and line) it came from.
//
//   title, description, strategy, alerts, rollback, exitCriteria: the project's when given
//   roles, variables: merged, the project's entries winning
//   steps: a project step with a built-in step's id replaces it in place; other steps are appended
//   id: only ever the project's own (the file stem otherwise), never the built-in's

const mergedMaps = ['roles', 'variables'];

export function extendRunbook(project: YamlSource, base: YamlSource): { value: unknown; origin: Origin } {
  const own = isRecord(project.value) ? project.value : {};
  const inherited = isRecord(base.value) ? base.value : {};
  const value: Record<string, unknown> = {};
  for (const [key, baseValue] of Object.entries(inherited)) {
    if (key !== 'id') value[key] = baseValue;
  }
  for (const [key, ownValue] of Object.entries(own)) {
    if (mergedMaps.includes(key) && isRecord(ownValue) && isRecord(value[key])) {
      value[key] = { ...(value[key] as Record<string, unknown>), ...ownValue };
    } else if (key !== 'steps') {
      value[key] = ownValue;
    }
  }
  const stepOrigins: { from: 'project' | 'base'; index: number }[] = [];
  const steps: unknown[] = [];
  const baseSteps = Array.isArray(inherited.steps) ? inherited.steps : [];
  baseSteps.forEach((step, index) => {
    steps.push(step);
    stepOrigins.push({ from: 'base', index });
  });
  if (Array.isArray(own.steps)) {
    const replaced = new Set<number>();
    own.steps.forEach((step, index) => {
      const id = isRecord(step) ? step.id : undefined;
      const at = baseSteps.findIndex((b, i) => !replaced.has(i) && isRecord(b) && b.id === id && id !== undefined);
      if (at >= 0) {
        replaced.add(at);
        steps[at] = step;
        stepOrigins[at] = { from: 'project', index };
      } else {
        steps.push(step);
        stepOrigins.push({ from: 'project', index });
      }
    });
  }
  // Steps that are not a list stay as written: validation reports them at the project's own field.
  value.steps = Array.isArray(own.steps) || own.steps === undefined ? steps : own.steps;

  const origin: Origin = (path: FieldPath) => {
    const [head, second, ...rest] = path;
    if (head === undefined) return { source: project, path };
    if (head === 'steps' && Array.isArray(value.steps) && typeof second === 'number') {
      const from = stepOrigins[second];
      if (from) return { source: from.from === 'project' ? project : base, path: ['steps', from.index, ...rest] };
    }
    if (Object.hasOwn(own, head as string)) {
      const ownValue = own[head as string];
      if (
        mergedMaps.includes(head as string) &&
        isRecord(ownValue) &&
        second !== undefined &&
        !Object.hasOwn(ownValue, second)
      ) {
        return { source: base, path };
      }
      return { source: project, path };
    }
    return Object.hasOwn(inherited, head as string) ? { source: base, path } : { source: project, path };
  };
  return { value, origin };
}
