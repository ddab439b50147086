import { forgivingStorage } from './storage';

/** This window's sessionStorage (drafts, the host token), behind the wrapper that never throws. */
export const sessionStore = forgivingStorage(() => window.sessionStorage);

/** localStorage, for the little that should outlive the window (the last applied theme). */
export const localStore = forgivingStorage(() => window.localStorage);
