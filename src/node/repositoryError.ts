/**
 * The repository a command was pointed at, or a name in it, is not what the command needs (no
 * incidents/ folder, an unknown incident or template, a file that already exists, no git). The
 * CLI reports it like a usage problem: one line, exit 2.
 */
export class RepositoryError extends Error {}
