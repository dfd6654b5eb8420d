/**
 * Responses go out compressed to a client that accepts it, and plain to one that does not.
 */
import { gunzipSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import { seededQuotedb } from '../helpers'

let app: Awaited<ReturnType<typeof seededQuotedb>>['app']
beforeAll(async () => {
  ;({ app } = await seededQuotedb())
})

const fetchWith = async (path: string, acceptEncoding?: string) => {
  const response = await app.request(
    path,
    acceptEncoding ? { headers: { 'Accept-Encoding': acceptEncoding } } : {},
  )
  return { response, bytes: Buffer.from(await response.arrayBuffer()) }
}

describe('compression', () => {
  for (const [what, path, type] of [
    ['a page', '/?q=drone', 'text/html'],
    ['JSON', '/api/quotes?q=drone', 'application/json'],
    ['a CSV export', '/api/quotes.csv?q=drone', 'text/csv'],
    ['an NDJSON export', '/api/quotes.ndjson?q=drone', 'application/x-ndjson'],
  ] as const) {
    it(`gzips ${what} for a client that accepts it, to the same bytes`, async () => {
      const plain = await fetchWith(path)
      expect(plain.response.headers.get('Content-Encoding')).toBeNull()
      expect(plain.response.headers.get('Content-Type')).toContain(type)
      const zipped = await fetchWith(path, 'gzip, deflate, br')
      expect(zipped.response.status).toBe(200)
      expect(zipped.response.headers.get('Content-Encoding')).toBe('gzip')
      expect(zipped.response.headers.get('Vary')).toContain('Accept-Encoding')
      expect(zipped.bytes.length).toBeLessThan(plain.bytes.length)
      expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true)
    })
  }

  it('leaves an answer alone for a client that does not accept gzip', async () => {
    const { response } = await fetchWith('/?q=drone', 'identity')
    expect(response.headers.get('Content-Encoding')).toBeNull()
  })
})
