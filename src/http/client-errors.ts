/**
 * Requests Node refuses before the app sees them — a URL or headers over its 16 KB limit, bytes
 * that are not HTTP — answered in the one error shape, not with a bare status and an empty body.
 */
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { errorBody } from './errors'

const REFUSALS: Record<string, [status: number, reason: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request line and headers are longer than 16 KB; a search needs far less (q is at most 500 characters).',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request did not arrive in time.'],
}

/** Answers the requests `server` refuses itself in the error shape. */
export function answerClientErrors(server: Pick<Server, 'on'>): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy()
      return
    }
    const [status, reason, message] = REFUSALS[error.code ?? ''] ?? [
      400,
      'Bad Request',
      'The request is not valid HTTP.',
    ]
    const code = status === 408 ? 'request_timeout' : 'invalid_parameter'
    const body = JSON.stringify(errorBody(code, message))
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
}
