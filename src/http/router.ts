/**
 * A sub-app for one resource: an OpenAPIHono whose failed validations all answer with the one
 * documented 400 body.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { validationError } from './errors'
import { errorSchema } from './schemas'

export function createRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return validationError(c, result.error, result.target)
    },
  })
}

const errorContent = { 'application/json': { schema: errorSchema } }

/** OpenAPI descriptions of the error responses a read endpoint can give. */
export const errorResponses = {
  400: { description: 'A parameter is not valid; `param` names it.', content: errorContent },
  404: { description: 'Nothing has this id or slug.', content: errorContent },
} as const

/** OpenAPI descriptions of the error responses a write can give. */
export const writeErrorResponses = {
  400: { description: 'The body is not valid; `param` names the field.', content: errorContent },
  401: { description: 'The bearer token is missing or wrong.', content: errorContent },
  403: { description: 'Writes are turned off: no token is configured.', content: errorContent },
  404: { description: 'Nothing has this id or slug.', content: errorContent },
  409: {
    description: 'The write conflicts with what is stored (a taken slug or url, a duplicate).',
    content: errorContent,
  },
} as const

/** The security requirement of a write, for the OpenAPI document. */
export const bearerSecurity = [{ bearer: [] }]

/** A JSON body for the OpenAPI document (validated by the route). */
export const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** A JSON 201 response for the OpenAPI document. */
export const createdResponse = <T>(schema: T, description: string) => ({
  201: { description, content: { 'application/json': { schema } } },
})

export const noContentResponse = { 204: { description: 'Done; nothing to return.' } }

/** A JSON 200 response for the OpenAPI document. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
})
