/**
 * `/api/speakers`: every speaker, or those matching `q` by any name, alias or title;
 * `/api/speakers/{slug}`: one speaker's page.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Services } from '../../services'
import {
  limitParam,
  offsetParam,
  queryObject,
  searchTextParam,
  slugPathParam,
} from '../query-params'
import { createRouter, errorResponses, jsonResponse } from '../router'
import { pageOf, speakerDetailSchema, speakerSchema } from '../schemas'

const listRoute = createRoute({
  method: 'get',
  path: '/speakers',
  summary: 'List speakers, or find them by name',
  description:
    'With q: speakers whose name, aliases, titles or description hold every word (typos forgiven, the last word a prefix), best first. ' +
    'Without: every speaker, most quoted first.',
  request: {
    query: queryObject({
      q: searchTextParam.openapi({ param: { name: 'q', in: 'query' }, example: 'sheinbaum' }),
      limit: limitParam,
      offset: offsetParam,
    }),
  },
  responses: {
    ...jsonResponse(pageOf(speakerSchema, 'SpeakerPage'), 'One page of speakers.'),
    ...errorResponses,
  },
})

const getRoute = createRoute({
  method: 'get',
  path: '/speakers/{slug}',
  summary: 'One speaker: aliases, titles, quote count and the outlets that quoted them',
  request: { params: z.object({ slug: slugPathParam }) },
  responses: { ...jsonResponse(speakerDetailSchema, 'The speaker.'), ...errorResponses },
})

export function speakerRoutes(services: Services) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await services.listSpeakers(c.req.valid('query')), 200))
    .openapi(getRoute, async (c) =>
      c.json(await services.getSpeaker(c.req.valid('param').slug), 200),
    )
}
