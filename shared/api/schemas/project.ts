import { z } from 'zod';
import { Id, Problem } from './common';

export const ProjectSummary = z.object({
  id: Id,
  name: z.string(),
  path: z.string(),
  runbookCount: z.number().int().min(0),
  environmentCount: z.number().int().min(0),
  /** Everything wrong with the project's files, all at once. Empty when it is usable. */
  problems: z.array(Problem),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const RunbookSummary = z.object({
  id: Id,
  title: z.string(),
  file: z.string(),
  stepCount: z.number().int().min(0),
  problems: z.array(Problem),
});
export type RunbookSummary = z.infer<typeof RunbookSummary>;

export const EnvironmentSummary = z.object({
  name: z.string(),
  file: z.string(),
  protected: z.boolean(),
  hostCount: z.number().int().min(0),
  problems: z.array(Problem),
});
export type EnvironmentSummary = z.infer<typeof EnvironmentSummary>;

export const ProjectRef = z.object({ projectId: Id }).strict();
