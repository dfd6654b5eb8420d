/**
 * An upload sent gzipped — with `Content-Encoding: gzip`, or a .gz file sent as it is — unpacked,
 * with the body size limit applied to the unpacked bytes: a small file that unpacks to gigabytes is
 * refused, not held. Unpacking runs on Node's thread pool, off the event loop.
 */
import { promisify } from 'node:util'
import { gunzip } from 'node:zlib'
import { AppError } from '../domain/errors'

const unpack = promisify(gunzip)

/** Whether the bytes begin as gzip does (1f 8b). */
const looksGzipped = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b

/** The body as sent, or unpacked when it is gzip; refused when it unpacks to over `maxBytes`. */
export async function unpackedBody(
  bytes: Uint8Array,
  contentEncoding: string | undefined,
  maxBytes: number,
): Promise<Uint8Array> {
  const encoding = contentEncoding?.trim().toLowerCase()
  if (encoding && encoding !== 'identity' && encoding !== 'gzip') {
    throw new AppError(
      'unsupported_media_type',
      `Content-Encoding ${encoding} is not supported; send the file as it is, or gzipped.`,
    )
  }
  if (encoding !== 'gzip' && !looksGzipped(bytes)) return bytes
  try {
    return await unpack(bytes, { maxOutputLength: maxBytes })
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError(
        'payload_too_large',
        `The file unpacks to more than ${maxBytes} bytes; import larger files with "npm run import".`,
      )
    }
    throw new AppError('invalid_parameter', 'The body is not a valid gzip file.')
  }
}
