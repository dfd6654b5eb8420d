/**
 * What Node itself refuses, before the app sees it, is answered in the one error shape too.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from './server-process'

let server: RunningServer
beforeAll(async () => {
  server = await startServer()
}, 60_000)
afterAll(() => server?.stop())

/** Sends raw bytes and reads the whole answer. */
function raw(request: string): Promise<string> {
  const { hostname, port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(Number(port), hostname, () => socket.write(request))
    socket.on('data', (chunk) => (answer += chunk.toString()))
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('requests Node refuses', () => {
  it('answers a URL over 16 KB with 431 and the error shape', async () => {
    const response = await fetch(`${server.url}/api/quotes?q=${'a'.repeat(20_000)}`)
    expect(response.status).toBe(431)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_parameter',
        message:
          'The request line and headers are longer than 16 KB; a search needs far less (q is at most 500 characters).',
      },
    })
  })

  it('answers bytes that are not HTTP with 400 and the error shape', async () => {
    const answer = await raw('NOT HTTP AT ALL\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'invalid_parameter', message: 'The request is not valid HTTP.' },
    })
  })
})
