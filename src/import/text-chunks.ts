/**
 * A file received whole, as the text chunks the import readers take.
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
