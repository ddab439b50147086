import { z } from 'zod';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** What a person sets once: recorded on every sign-off they make. */
export const Settings = z.object({
  operatorName: z.string().max(120),
  operatorRole: z.string().max(120),
  theme: Theme,
  /** Absolute paths of opened projects, most recent first. */
  recentProjects: z.array(z.string()).max(50),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  operatorName: '',
  operatorRole: '',
  theme: 'system',
  recentProjects: [],
};

/** The part of the settings a person edits; the project list changes through projects:* only. */
export const SettingsPatch = Settings.omit({ recentProjects: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
