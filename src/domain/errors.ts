/**
 * The one error type services throw. The HTTP layer turns it into the documented error body
 * `{"error": {"code", "message", "param"?}}` with its status.
 */

export type ErrorCode =
  | 'invalid_parameter'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'request_timeout'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'internal_error'
  | 'read_only'
  | 'storage_full'
  | 'storage_unavailable'
  | 'busy'
  | 'page_refused'
  | 'no_article'

const STATUS: Record<ErrorCode, number> = {
  invalid_parameter: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal_error: 500,
  read_only: 503,
  storage_full: 507,
  storage_unavailable: 503,
  busy: 503,
  page_refused: 422,
  no_article: 422,
}

/** An error whose message is written for the user and safe to send them. */
export class AppError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The request parameter or body field at fault, when there is one. */
    readonly param?: string,
    /** For `busy`: the seconds after which trying again is likely to succeed (`Retry-After`). */
    readonly retryAfterSeconds?: number,
    /** What went wrong underneath, when there is more to say than the message. */
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AppError'
    this.status = STATUS[code]
  }
}

/** A 400 for a request parameter, with a message that names what is wrong with it. */
export const invalidParameter = (param: string, message: string) =>
  new AppError('invalid_parameter', message, param)

/** A 404 for an id or slug that names nothing. */
export const notFound = (message: string) => new AppError('not_found', message)

/**
 * A 503 for a write that could not start in time: others were queued before it, or another
 * process holds the database's write lock. Nothing of it was written.
 */
export const busy = (message: string, retryAfterSeconds: number) =>
  new AppError('busy', message, undefined, retryAfterSeconds)
