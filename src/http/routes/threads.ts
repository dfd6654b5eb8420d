/**
 * `/api/threads/{id}`: one statement as every outlet carried it, traced to its origin.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import { idPathParam } from '../query-params'
import { createRouter, errorResponses, jsonResponse } from '../router'
import { threadSchema } from '../schemas'

const getRoute = createRoute({
  method: 'get',
  path: '/threads/{id}',
  summary: 'One statement in every outlet that carried it, and where it came from',
  description:
    'A thread is the statements that are one statement: the same quotation (a fragment of it, other punctuation, an ellipsis, small edits) ' +
    'by the same or an unnamed speaker, and paraphrases of the same claim from the same speaker or cited outlet said within 30 days. ' +
    'Every quote carries `thread.id`.',
  request: { params: z.object({ id: idPathParam }) },
  responses: { ...jsonResponse(threadSchema, 'The thread.'), ...errorResponses },
})

export function threadRoutes(services: Services) {
  return createRouter().openapi(getRoute, async (c) =>
    c.json(await services.getThread(c.req.valid('param').id), 200),
  )
}
