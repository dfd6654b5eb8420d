/**
 * The load test of several servers over one PostgreSQL database (`npm run loadtest -- --store
 * postgres`): the corpus imported into PostgreSQL, two real servers started on it, and autocannon
 * driving searches first at one server alone, then spread over both while a client writes through
 * the first. Then the time for a write acknowledged by one server to be found by a search on the
 * other, write after write. A measurement, not a test: nothing fails.
 */
import autocannon from 'autocannon'
import { percentiles } from './latency'
import { postgresCorpus } from './postgres-database'
import { startServer, firstAnswer, type ServerProcess } from './server-process'

export interface SeveralServersOptions {
  /** The corpus as NDJSON (see `corpusDatabase`). */
  file: string
  quotes: number
  seconds: number
  /** The search paths the clients ask for. */
  searches: string[]
  /** An outlet slug the writes name. */
  outlet: string
  token: string
  databaseUrl: string | undefined
  log: (message: string) => void
}

const summary = (run: autocannon.Result) => ({
  requests_per_s: Math.round(run.requests.average),
  p50_ms: run.latency.p50,
  p99_ms: run.latency.p99,
  errors: run.errors + run.timeouts,
  non_2xx: run.non2xx,
})

/** Searches on `connections` connections of one server for `seconds`. */
const searchLoad = (
  server: ServerProcess,
  searches: string[],
  connections: number,
  seconds: number,
) =>
  autocannon({
    url: server.url,
    connections,
    duration: seconds,
    requests: searches.map((path) => ({ path })),
  })

export async function severalServersLoad(options: SeveralServersOptions) {
  const { searches, seconds, token, log } = options
  const corpus = await postgresCorpus(options.databaseUrl, options.file, options.quotes, log)
  const servers: ServerProcess[] = []
  try {
    const env = { QUOTEDB_DATABASE_URL: corpus.url, QUOTEDB_TOKEN: token }
    const [first, second] = [await startServer('', env), await startServer('', env)]
    servers.push(first!, second!)
    const first_search_ms = await firstAnswer(second!, searches[0]!)
    await firstAnswer(first!, searches[0]!)

    log(`Searching one server for ${seconds} s…`)
    const alone = summary(await searchLoad(first!, searches, 8, seconds))

    log(`Searching both for ${seconds} s, writing through the first…`)
    let writing = true
    let writes = 0
    let refused = 0
    const writer = (async () => {
      for (let n = 0; writing; n++) {
        const response = await post(first!, token, article(options.outlet, `load/${n}`, `n${n}`))
        if (response.status === 201) writes++
        else refused++
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })()
    const [onFirst, onSecond] = await Promise.all([
      searchLoad(first!, searches, 4, seconds),
      searchLoad(second!, searches, 4, seconds),
    ])
    writing = false
    await writer
    const both = {
      requests_per_s: Math.round(onFirst.requests.average + onSecond.requests.average),
      first: summary(onFirst),
      second: summary(onSecond),
      writes,
      writes_refused: refused,
    }

    log('Timing writes on one server until a search on the other finds them…')
    const found: number[] = []
    for (let n = 0; n < 30; n++) {
      const word = `vizcachera${n}x${Date.now().toString(36)}`
      const response = await post(first!, token, article(options.outlet, `seen/${word}`, word))
      const acknowledged = performance.now()
      if (response.status !== 201) continue
      for (;;) {
        const answer = await fetch(`${second!.url}/api/quotes?q=${word}`)
        const { total } = (await answer.json()) as { total: number }
        if (total === 1) break
      }
      found.push(performance.now() - acknowledged)
    }
    const seen = percentiles(found)
    return {
      servers: 2,
      import_per_s: corpus.import_per_s,
      first_search_ms,
      one_server: alone,
      two_servers: both,
      write_seen_on_other_ms: { p50: seen.p50_ms, p99: seen.p99_ms, count: found.length },
    }
  } finally {
    for (const server of servers) server.stop()
    // The servers let go of their connections as they stop.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await corpus.drop()
  }
}

/** A new article with one statement holding `word`. */
function article(outlet: string, path: string, word: string) {
  return {
    url: `https://several.example/${process.pid}/${path}`,
    outlet,
    published: '2026-02-01',
    quotes: [{ text: `A statement written on one server, ${word}`, kind: 'paraphrase' }],
  }
}

async function post(server: ServerProcess, token: string, body: unknown): Promise<Response> {
  const response = await fetch(`${server.url}/api/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  await response.arrayBuffer()
  return response
}
