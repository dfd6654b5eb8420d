/**
 * Between bytes and text: a request body as text chunks, and text chunks sent as a response body.
 */

/** Bytes decoded at a time: a 16 MB body is never one 16-million-character string. */
const DECODE_SLICE = 64 * 1024

/** A body received in full as text chunks (UTF-8), decoded a slice at a time. */
export async function* decodeText(bytes: Uint8Array): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8')
  for (let i = 0; i < bytes.length; i += DECODE_SLICE) {
    const text = decoder.decode(bytes.subarray(i, i + DECODE_SLICE), { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

/** Text chunks as a byte stream for a response body; stops the source when the client goes away. */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  const iterator = chunks[Symbol.asyncIterator]()
  return new ReadableStream({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        console.error('quotedb: an export stopped:', error)
        controller.error(error)
      }
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
