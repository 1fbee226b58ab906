/** A flag or argument the command cannot use: the CLI prints it on one line and exits 2. */
export class UsageError extends Error {}
