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
      if (!result.success) return validationError(c, result.error)
    },
  })
}

const errorContent = { 'application/json': { schema: errorSchema } }

/** OpenAPI descriptions of the error responses a read endpoint can give. */
export const errorResponses = {
  400: { description: 'A parameter is not valid; `param` names it.', content: errorContent },
  404: { description: 'Nothing has this id or slug.', content: errorContent },
} as const

/** A JSON 200 response for the OpenAPI document. */
export const jsonResponse = <T>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
})
