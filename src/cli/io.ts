// What a command may touch of the outside world, so tests can run commands in-process.
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Command {
  /** The full `--help` text. */
  help: string;
  run(argv: string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A bug in commlog, not bad input (sysexits' EX_SOFTWARE): cli.md's codes stay for input. */
export const EXIT_INTERNAL = 70;
