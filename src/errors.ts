/**
 * User-facing errors. Anything the user can fix (a bad flag, a malformed file, a missing
 * package) is thrown as a {@link UserError}: the CLI's single top-level catch prints its one-line
 * message and exits with its exit code (2 unless said otherwise). Everything else is a bug and
 * keeps its stack trace.
 */

/** Stable codes for user errors, so scripts and tests can match on them. */
export type UserErrorCode = 'BAD_USAGE' | 'BAD_INPUT' | 'NOT_FOUND' | 'MODEL_PACKAGE' | 'CACHE_MISS' | 'INTERRUPTED';

/** An error the user can fix; its message is one line that names the file, line or field. */
export class UserError extends Error {
  /** A stable machine-readable code. */
  readonly code: UserErrorCode;
  /** The process exit code the CLI uses for it (2: bad usage or bad input). */
  readonly exitCode: number;
  /**
   * The lines the CLI prints, one per problem: `[message]` unless the error lists several
   * problems (then `message` is these lines joined by newlines).
   */
  readonly lines: readonly string[];

  constructor(
    code: UserErrorCode,
    message: string,
    options?: { cause?: unknown; exitCode?: number; lines?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.code = code;
    this.exitCode = options?.exitCode ?? 2;
    this.lines = options?.lines?.length ? options.lines : [message];
  }
}

/** Type guard for {@link UserError}. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** A bad-input error naming where the problem is: `file:line: field: message`. */
export function badInput(
  where: { file?: string; line?: number; field?: string },
  message: string,
  cause?: unknown,
): UserError {
  const place = [where.file, where.line === undefined ? undefined : String(where.line)].filter(Boolean).join(':');
  const prefix = [place, where.field].filter(Boolean).join(': ');
  return new UserError('BAD_INPUT', prefix ? `${prefix}: ${message}` : message, { cause });
}
