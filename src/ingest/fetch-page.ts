/**
 * Fetching a web page for its article, safely: the server must not become a way into its own
 * network, nor be held up or filled up by the page.
 *
 * - http and https only; at most `maxRedirects` redirects, each checked as the first address;
 * - no loopback, private, link-local (cloud metadata), shared, multicast or reserved address,
 *   checked on the addresses the name resolves to — the very ones connected to, so a name that
 *   resolves differently a second time gains nothing — unless `allowPrivate` (tests, intranets);
 * - a connect timeout and a total timeout; at most `maxBytes` read; HTML content types only;
 * - the page's charset honoured: the Content-Type header's, else the page's `<meta>`'s, else UTF-8.
 *
 * Every refusal is an `AppError` whose message names the reason.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { BlockList, isIP, type LookupFunction } from 'node:net'
import { AppError } from '../domain/errors'

export interface FetchOptions {
  /** Let loopback and private addresses be fetched. Default: false. */
  allowPrivate: boolean
  /** Internal addresses that may be fetched all the same (one intranet server). Default: none. */
  allowedAddresses: readonly string[]
  connectTimeoutMs: number
  totalTimeoutMs: number
  maxBytes: number
  maxRedirects: number
  /** Take RSS and Atom feeds too (the command line's inputs). Default: false. */
  feeds: boolean
}

export const FETCH_DEFAULTS: FetchOptions = {
  allowPrivate: false,
  allowedAddresses: [],
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  feeds: false,
}

/** What a fetch gives: the page's last address (after redirects), its text decoded, its kind. */
export interface FetchedPage {
  url: string
  html: string
  kind: 'page' | 'feed'
}

const USER_AGENT = 'Mozilla/5.0 (compatible; quotedb/0.1; +https://github.com/quotedb/quotedb)'

/** Addresses no fetch reaches by default (IANA special-purpose registries). */
const INTERNAL = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['::', 96],
  ['fec0::', 10],
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6')
}

/** Whether an address is inside the machine's own networks (IPv4 written in IPv6 included). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return INTERNAL.check(mapped[1]!, 'ipv4')
  const family = isIP(address)
  if (family === 0) return true
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

const refused = (message: string) => new AppError('page_refused', message, 'url')

/** Whether an address may be fetched: not internal, unless the options let it be. */
const mayFetch =
  (options: Pick<FetchOptions, 'allowPrivate' | 'allowedAddresses'>) => (address: string) =>
    options.allowPrivate ||
    options.allowedAddresses.includes(address) ||
    !isInternalAddress(address)

/** A lookup that resolves as usual and refuses a name any of whose addresses is internal. */
function guardedLookup(allowed: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0)
      const list = addresses as LookupAddress[]
      if (list.some((a) => !allowed(a.address))) {
        // The address itself is not said: the answer would map the network it guards.
        const refusal = refused(
          `${hostname} is at an address inside this server's own network; it is not fetched.`,
        )
        return callback(refusal as NodeJS.ErrnoException, '', 0)
      }
      if (options.all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(new Error(`${hostname} has no address.`), '', 0)
      callback(null, first.address, first.family)
    })
  }
}

/** Checks an address before it is fetched: scheme, and an internal address written as such. */
function checkAddress(address: URL, allowed: (address: string) => boolean): void {
  if (address.protocol !== 'http:' && address.protocol !== 'https:') {
    throw refused(
      `Only http and https pages are fetched, not ${address.protocol.replace(':', '')}.`,
    )
  }
  if (address.username || address.password) {
    throw refused('A page address with a user name or password is not fetched.')
  }
  const host = address.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) !== 0 && !allowed(host)) {
    throw refused(`${host} is inside this server's own network; it is not fetched.`)
  }
}

const HTML_TYPES = ['text/html', 'application/xhtml+xml']

/** The charset a Content-Type names, or null. */
export const charsetOf = (contentType: string | null | undefined) =>
  /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? null
const FEED_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml']

/** The charset a page declares in its first bytes (`<meta charset>` or `http-equiv`). */
function declaredCharset(head: Buffer): string | null {
  const text = head.subarray(0, 4096).toString('latin1')
  const found =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(text) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(text)
  return found?.[1] ?? null
}

/**
 * windows-1252's characters at 0x80–0x9F, where ISO-8859-1 has control codes. The Encoding
 * standard reads every "latin1" label as windows-1252, as browsers do; Node 20's TextDecoder
 * gives the control codes, so they are mapped here.
 */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'
const LATIN1_LABELS =
  /^(windows-1252|cp1252|x-cp1252|iso-8859-1|iso8859-1|latin1|l1|ascii|us-ascii|iso-ir-100|ibm819|cp819|csisolatin1)$/i

/**
 * A page's text in its charset: a byte-order mark's, else the one given (a Content-Type
 * header's), else the page's `<meta>`'s, else UTF-8; an unknown charset is read as UTF-8.
 */
export function decodePage(body: Buffer, headerCharset: string | null): string {
  const bom = body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 'utf-8' : null
  const label = (bom ?? headerCharset ?? declaredCharset(body) ?? 'utf-8').trim()
  if (LATIN1_LABELS.test(label)) {
    return body
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252[c.charCodeAt(0) - 0x80]!)
  }
  try {
    return new TextDecoder(label).decode(body)
  } catch {
    return new TextDecoder('utf-8').decode(body)
  }
}

interface Response {
  status: number
  location: string | null
  contentType: string | null
  body: Buffer | null
}

/** One request: headers, and the body when it is a page to read (not a redirect). */
function requestOnce(address: URL, options: FetchOptions, deadline: number): Promise<Response> {
  const client = address.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now()
    if (remaining <= 0) return reject(timedOut(address))
    const request = client.get(
      address,
      {
        lookup: guardedLookup(mayFetch(options)),
        headers: {
          'User-Agent': USER_AGENT,
          Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          'Accept-Encoding': 'identity',
        },
        timeout: options.connectTimeoutMs,
      },
      (response) => {
        const status = response.statusCode ?? 0
        const location = response.headers.location ?? null
        const contentType = response.headers['content-type'] ?? null
        if (status >= 300 && status < 400 && location) {
          response.resume()
          return resolve({ status, location, contentType, body: null })
        }
        if (status < 200 || status >= 300) {
          response.resume()
          return reject(
            new AppError(
              'page_refused',
              `${address.host} answered ${status}; no page to read.`,
              'url',
            ),
          )
        }
        const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
        const feed = options.feeds && FEED_TYPES.includes(type)
        if (!HTML_TYPES.includes(type) && !feed) {
          response.resume()
          return reject(
            new AppError(
              'unsupported_media_type',
              `The page is ${type || 'of no stated type'}, not HTML; only web pages are read.`,
              'url',
            ),
          )
        }
        const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase()
        if (encoding !== 'identity') {
          response.destroy()
          return reject(
            new AppError(
              'page_refused',
              `The page came ${encoding}-encoded, though it was asked for as is.`,
              'url',
            ),
          )
        }
        const declared = Number(response.headers['content-length'] ?? NaN)
        if (declared > options.maxBytes) {
          response.destroy()
          return reject(tooLarge(options))
        }
        const chunks: Buffer[] = []
        let size = 0
        response.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > options.maxBytes) {
            response.destroy()
            reject(tooLarge(options))
          } else chunks.push(chunk)
        })
        response.on('end', () =>
          resolve({ status, location, contentType, body: Buffer.concat(chunks) }),
        )
        response.on('error', (error) => reject(asRefusal(error, address)))
      },
    )
    // The connect timeout: no socket activity for that long.
    request.on('timeout', () => request.destroy(timedOut(address)))
    const total = setTimeout(() => request.destroy(timedOut(address)), remaining)
    request.on('close', () => clearTimeout(total))
    request.on('error', (error) => reject(asRefusal(error, address)))
  })
}

const timedOut = (address: URL) =>
  new AppError('page_refused', `${address.host} took too long to answer; no page was read.`, 'url')

const tooLarge = (options: FetchOptions) =>
  new AppError(
    'payload_too_large',
    `The page is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB; it is not read.`,
    'url',
  )

/** A network error as a refusal that names it; an `AppError` (a guarded lookup's) as it is. */
function asRefusal(error: unknown, address: URL): AppError {
  if (error instanceof AppError) return error
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? `${address.hostname} cannot be found`
      : code === 'ECONNREFUSED'
        ? `${address.host} refused the connection`
        : `${address.host} could not be reached (${code ?? 'network error'})`
  return new AppError('page_refused', `${reason}; no page was read.`, 'url', undefined, {
    cause: error,
  })
}

/** Fetches a page, following redirects; see the module comment. */
export async function fetchPage(
  url: string,
  options: Partial<FetchOptions> = {},
): Promise<FetchedPage> {
  const settings = { ...FETCH_DEFAULTS, ...options }
  const deadline = Date.now() + settings.totalTimeoutMs
  let address: URL
  try {
    address = new URL(url)
  } catch {
    throw refused('url must be an absolute http or https address.')
  }
  for (let redirects = 0; ; redirects++) {
    checkAddress(address, mayFetch(settings))
    const response = await requestOnce(address, settings, deadline)
    if (response.body !== null) {
      const charset = charsetOf(response.contentType)
      const type = (response.contentType ?? '').split(';')[0]!.trim().toLowerCase()
      return {
        url: address.href,
        html: decodePage(response.body, charset),
        kind: FEED_TYPES.includes(type) ? 'feed' : 'page',
      }
    }
    if (redirects === settings.maxRedirects) {
      throw refused(
        `The page redirects more than ${settings.maxRedirects} times; it is not followed.`,
      )
    }
    try {
      address = new URL(response.location!, address)
    } catch {
      throw refused(
        `The page redirects to "${response.location!.slice(0, 200)}", which is no address.`,
      )
    }
  }
}
