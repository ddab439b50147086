// Rules for what a person types to start a run, shared by the engine (which enforces them) and
// the start dialog (which says them while typing).

/** Tags, branches, commits and image tags; never something a tool could read as an option. */
export const versionPattern = /^[A-Za-z0-9][A-Za-z0-9._/@+-]{0,199}$/;

/** Run ids name folders: letters, digits, `.`, `_` and `-`, never a path. */
export const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
