/**
 * One catalogue of stable error codes. Each code has the HTTP status it maps to where it
 * reaches the API, and a hint that tells a person what to do about it. Wrap causes with
 * `cause`: the original error is never lost.
 */
export const errorCatalogue = {
  USAGE: { status: 400, hint: 'Run the command with --help to see its usage.' },
  CONFIG_INVALID: { status: 500, hint: 'Fix the setting and start again; `newsdesk config` shows the effective values.' },
  DATABASE_UNREACHABLE: { status: 503, hint: 'Check DATABASE_URL and that the database server is running.' },
  MIGRATION_FAILED: { status: 500, hint: 'Read the cause, fix the database, then run `newsdesk migrate`.' },
  NOT_FOUND: { status: 404, hint: 'Check the identifier or address.' },
  URL_INVALID: { status: 400, hint: 'Give an absolute http:// or https:// address, or a path to a local file.' },
  FILE_NOT_FOUND: { status: 400, hint: 'Check the path; it is read relative to the current directory.' },
  SOURCE_NOT_FOUND: { status: 404, hint: '`newsdesk source list` shows the sources and their ids.' },
  SOURCE_EXISTS: { status: 409, hint: 'The source is already followed; `newsdesk source list` shows it.' },
  SOURCE_UNREACHABLE: { status: 502, hint: 'The source could not be fetched; it is retried later with backoff.' },
  FETCH_TIMEOUT: { status: 504, hint: 'The source answered too slowly; it is retried later.' },
  FETCH_TOO_LARGE: { status: 502, hint: 'The response was larger than NEWSDESK_FETCH_MAX_BYTES allows.' },
  FETCH_HTTP_STATUS: { status: 502, hint: 'The source answered with an HTTP error status.' },
  FETCH_RATE_LIMITED: { status: 503, hint: 'The source asked Newsdesk to slow down (HTTP 429 or 503); it is checked again after the time it asked for.' },
  FETCH_BLOCKED: { status: 403, hint: 'The address is on a private network; set NEWSDESK_ALLOW_PRIVATE_NETWORKS=true to allow it.' },
  FEED_MALFORMED: { status: 422, hint: 'The document is not a feed Newsdesk can read (RSS, Atom, RDF or JSON Feed).' },
  FEED_NOT_FOUND: { status: 404, hint: 'Give the feed\'s own address, or the address of a page that links to its feed.' },
  EXTRACT_NOT_HTML: { status: 422, hint: 'The document is not an HTML page (a feed, an image, a PDF...); the feed\'s own text is kept.' },
  EXTRACT_EMPTY: { status: 422, hint: 'No article text was found (an empty page, a paywall or a cookie wall); the feed\'s own text is kept.' },
  EXTRACT_TOO_LARGE: { status: 422, hint: 'The page is larger than the extractor accepts; the feed\'s own text is kept.' },
  EXTRACT_TOO_COMPLEX: { status: 422, hint: 'The page nests elements too deeply or took too long to extract; the feed\'s own text is kept.' },
  JOB_PAYLOAD_INVALID: { status: 500, hint: 'A job was queued with a payload its handler does not accept.' },
  JOB_KIND_UNKNOWN: { status: 500, hint: 'A job of a kind this version does not know was queued.' },
  JOB_ABANDONED: { status: 500, hint: 'The worker running this job stopped on every attempt; read the worker logs around its last runs.' },
  AUTH_REQUIRED: { status: 401, hint: 'Sign in as an administrator.' },
  AUTH_INVALID: { status: 401, hint: 'The email or password is wrong.' },
  ADMIN_REQUIRED: { status: 403, hint: 'Sign in with an administrator account.' },
  CSRF_INVALID: { status: 403, hint: 'Reload the page and submit the form again.' },
  RATE_LIMITED: { status: 429, hint: 'Too many attempts; wait a moment and try again.' },
  USER_EXISTS: { status: 409, hint: 'A user with this email already exists.' },
  INPUT_INVALID: { status: 400, hint: 'Correct the highlighted value and try again.' },
  INTERNAL: { status: 500, hint: 'An unexpected error; the log has the details.' },
} as const satisfies Record<string, { status: number; hint: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** An error with a stable code, a message for people, and optional context for operators. */
export class NewsdeskError extends Error {
  readonly code: ErrorCode;
  readonly context: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; context?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NewsdeskError';
    this.code = code;
    this.context = options.context;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }

  get hint(): string {
    return errorCatalogue[this.code].hint;
  }
}

/** Narrows an unknown thrown value to a NewsdeskError, wrapping anything else as INTERNAL. */
export function asNewsdeskError(error: unknown): NewsdeskError {
  if (error instanceof NewsdeskError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new NewsdeskError('INTERNAL', message, { cause: error });
}

/** The plain `{code, message}` shape used in JSON answers and batch output. */
export function errorBody(error: unknown): { code: ErrorCode; message: string } {
  const e = asNewsdeskError(error);
  return { code: e.code, message: e.message };
}
