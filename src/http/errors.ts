/**
 * The one error body every failure becomes: `{"error": {"code", "message", "param"?}}`. No response
 * ever carries a stack trace; unexpected errors are logged on the server and answered with a fixed
 * sentence.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { ZodError } from 'zod'
import { AppError, type ErrorCode } from '../domain/errors'
import { InvalidRecord } from '../services/problems'
import { pageFailure, pageNotFound } from './routes/pages'

export interface ErrorBody {
  error: { code: string; message: string; param?: string }
}

export function errorBody(code: ErrorCode | string, message: string, param?: string): ErrorBody {
  return { error: param === undefined ? { code, message } : { code, message, param } }
}

const CODE_FOR_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_parameter',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
}

/**
 * The 400 for a request that failed validation: the first problem, naming its parameter (or, in a
 * body, the dotted path of its field).
 */
export function validationError(c: Context, error: ZodError, target?: string) {
  const issue = error.issues[0]
  const path = issue?.path.map(String) ?? []
  const param =
    issue?.code === 'unrecognized_keys'
      ? [...path, String(issue.keys[0])].join('.')
      : target === 'json'
        ? path.join('.')
        : // A list parameter's issue has a path such as ["kind", 1]: the parameter is its first part.
          path[0]
  const message =
    issue?.code === 'unrecognized_keys' && target === 'json'
      ? `The body has a field this endpoint does not take: "${param}".`
      : (issue?.message ?? 'The request is not valid.')
  return c.json(errorBody('invalid_parameter', message, param || undefined), 400)
}

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/')

/** `app.onError`: AppError and HTTPException as documented; anything else as a bare 500. */
export function handleError(error: Error, c: Context) {
  // A page asked for gets a page back, whatever went wrong.
  if (!isApi(c)) return pageFailure(c, error)
  if (error instanceof InvalidRecord) {
    const body = errorBody(error.code, error.message, error.param)
    return c.json({ error: { ...body.error, problems: error.problems } }, 400)
  }
  if (error instanceof AppError) {
    if (error.retryAfterSeconds !== undefined)
      c.header('Retry-After', String(error.retryAfterSeconds))
    return c.json(
      errorBody(error.code, error.message, error.param),
      error.status as ContentfulStatusCode,
    )
  }
  if (error instanceof HTTPException) {
    const status = error.status
    const code = CODE_FOR_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'invalid_parameter')
    const message = error.message || `The request failed with status ${status}.`
    return c.json(errorBody(code, message), status as ContentfulStatusCode)
  }
  console.error(`${c.req.method} ${c.req.path} failed:`, error)
  return c.json(
    errorBody('internal_error', 'Something went wrong on our side; the error has been logged.'),
    500,
  )
}

/** `app.notFound`: JSON under `/api`, a page elsewhere. */
export function handleNotFound(c: Context) {
  if (isApi(c)) {
    return c.json(errorBody('not_found', `No endpoint answers ${c.req.method} ${c.req.path}.`), 404)
  }
  return pageNotFound(c)
}
