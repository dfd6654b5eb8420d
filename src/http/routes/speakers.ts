/**
 * `/api/speakers`: every speaker, or those matching `q` by any name, alias or title; add one.
 * `/api/speakers/{slug}`: one speaker's page; change or remove them, or merge others into them.
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
import {
  bearerSecurity,
  createdResponse,
  createRouter,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContentResponse,
  writeErrorResponses,
} from '../router'
import { pageOf, speakerDetailSchema, speakerSchema } from '../schemas'
import { mergeBody, newSpeakerBody, speakerChangesBody } from '../write-schemas'

const slugParams = z.object({ slug: slugPathParam })

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
  request: { params: slugParams },
  responses: { ...jsonResponse(speakerDetailSchema, 'The speaker.'), ...errorResponses },
})

const createSpeakerRoute = createRoute({
  method: 'post',
  path: '/speakers',
  summary: 'Add a speaker',
  description:
    'The slug is made from the name when not given. A name another speaker already goes by is refused unless a slug is given (for a namesake).',
  security: bearerSecurity,
  request: { body: jsonBody(newSpeakerBody) },
  responses: {
    ...createdResponse(speakerDetailSchema, 'The speaker as stored.'),
    ...writeErrorResponses,
  },
})

const updateSpeakerRoute = createRoute({
  method: 'patch',
  path: '/speakers/{slug}',
  summary: 'Change a speaker',
  security: bearerSecurity,
  request: { params: slugParams, body: jsonBody(speakerChangesBody) },
  responses: {
    ...jsonResponse(speakerDetailSchema, 'The speaker as changed.'),
    ...writeErrorResponses,
  },
})

const deleteSpeakerRoute = createRoute({
  method: 'delete',
  path: '/speakers/{slug}',
  summary: 'Remove a speaker who has no quotes',
  security: bearerSecurity,
  request: { params: slugParams },
  responses: { ...noContentResponse, ...writeErrorResponses },
})

const mergeSpeakersRoute = createRoute({
  method: 'post',
  path: '/speakers/{slug}/merge',
  summary: 'Merge speakers who are one person into this one',
  description:
    'Their quotes move to this speaker, their names and aliases become its aliases, and they are removed.',
  security: bearerSecurity,
  request: { params: slugParams, body: jsonBody(mergeBody) },
  responses: {
    ...jsonResponse(speakerDetailSchema, 'The speaker after the merge.'),
    ...writeErrorResponses,
  },
})

export function speakerRoutes(services: Services) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await services.listSpeakers(c.req.valid('query')), 200))
    .openapi(getRoute, async (c) =>
      c.json(await services.getSpeaker(c.req.valid('param').slug), 200),
    )
    .openapi(createSpeakerRoute, async (c) => {
      const speaker = await services.createSpeaker(c.req.valid('json'))
      c.header('Location', `/api/speakers/${encodeURIComponent(speaker.slug)}`)
      return c.json(speaker, 201)
    })
    .openapi(updateSpeakerRoute, async (c) =>
      c.json(await services.updateSpeaker(c.req.valid('param').slug, c.req.valid('json')), 200),
    )
    .openapi(deleteSpeakerRoute, async (c) => {
      await services.deleteSpeaker(c.req.valid('param').slug)
      return c.body(null, 204)
    })
    .openapi(mergeSpeakersRoute, async (c) =>
      c.json(
        await services.mergeSpeakers(c.req.valid('param').slug, c.req.valid('json').from),
        200,
      ),
    )
}
