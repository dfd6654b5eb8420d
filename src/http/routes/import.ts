/**
 * `/api/import`: import a file sent as the request body (`curl --data-binary @file`), in any of the
 * import formats. Atomic unless `skipInvalid=true`.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { IMPORT_FORMATS } from '../../import/formats'
import type { ImportReport } from '../../import/importer'
import type { Services } from '../../services'
import { queryObject } from '../query-params'
import { unpackedBody } from '../gzip-body'
import { bearerSecurity, createRouter, writeErrorResponses } from '../router'

const formatMessage = `format must be one of ${IMPORT_FORMATS.join(', ')}.`

const importQuery = queryObject({
  format: z
    .string({ error: formatMessage })
    .pipe(z.enum(IMPORT_FORMATS, { error: formatMessage }))
    .optional()
    .openapi({
      param: { name: 'format', in: 'query' },
      description:
        'ndjson, json, csv or quotebank; detected from the first characters when absent.',
    }),
  skipInvalid: z
    .enum(['true', 'false'], { error: 'skipInvalid must be true or false.' })
    .optional()
    .openapi({
      param: { name: 'skipInvalid', in: 'query' },
      description:
        'true: import the valid records and report the others; false (the default): import all or nothing.',
    }),
})

const reportSchema = z
  .object({
    committed: z.boolean(),
    itemsRead: z.number().int(),
    rejected: z.number().int(),
    unverified: z.number().int(),
    added: z.record(z.string(), z.number().int()),
    existing: z.record(z.string(), z.number().int()),
    problemCount: z.number().int(),
    problems: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
  })
  .openapi('ImportReport')

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  summary: 'Import a file: NDJSON, a JSON array, CSV or Quotebank JSON lines',
  description:
    'The body is the file itself, gzipped or not (Content-Encoding: gzip, or a .gz file as it is). Atomic by default: one invalid record and nothing is imported, and the 400 lists every problem with its line. ' +
    'Re-importing the same file adds nothing. Speakers and outlets already stored under a name or alias are reused.',
  security: bearerSecurity,
  request: {
    query: importQuery,
    body: {
      content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
    },
  },
  responses: {
    200: { description: 'Imported.', content: { 'application/json': { schema: reportSchema } } },
    ...writeErrorResponses,
  },
})

/** The report as the API shows it. */
function reportBody(report: ImportReport) {
  const count = (key: 'added' | 'existing') =>
    Object.fromEntries(Object.entries(report.summary).map(([kind, tally]) => [kind, tally[key]]))
  return {
    committed: report.committed,
    itemsRead: report.itemsRead,
    rejected: report.rejected,
    unverified: report.unverified,
    added: count('added'),
    existing: count('existing'),
    problemCount: report.problemCount,
    problems: report.problems,
  }
}

export function importRoutes(services: Services, options: { maxBodyBytes: number }) {
  return createRouter().openapi(importRoute, async (c) => {
    const query = c.req.valid('query')
    // The whole body has arrived (see `receiveBodies`) before the import's write begins.
    const source = await unpackedBody(
      new Uint8Array(await c.req.arrayBuffer()),
      c.req.header('content-encoding'),
      options.maxBodyBytes,
    )
    const report = await services.importFile({
      source,
      format: query.format ?? null,
      skipInvalid: query.skipInvalid === 'true',
    })
    if (!report.committed) {
      const body = reportBody(report)
      const first = report.problems[0]
      return c.json(
        {
          error: {
            code: 'invalid_parameter',
            message: `${report.rejected} of ${report.itemsRead} records are not valid; nothing was imported.${first ? ` Line ${first.line}${first.field ? `, ${first.field}` : ''}: ${first.message}.` : ''}`,
            report: body,
          },
        },
        400,
      ) as never
    }
    return c.json(reportBody(report), 200)
  })
}
