/**
 * A bulk import under load: one client uploads a large import while others read (searches and
 * health checks, each latency recorded) and write (small articles at a fixed concurrency). What a
 * busy newsroom does to one server; the numbers say whether reads wait for the import and whether
 * any write is lost or refused with a 500.
 */
import { generateCorpus } from './corpus'

export interface ImportUnderLoad {
  import_quotes: number
  import_bytes: number
  import_status: number
  import_seconds: number
  reads: number
  read_p50_ms: number
  read_p99_ms: number
  read_max_ms: number
  /** Writes by the status they were answered with. */
  writes_by_status: Record<string, number>
  /** Writes answered 2xx whose article is not in the database afterwards: must be 0. */
  writes_lost: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

/** The NDJSON of a generated corpus whose article urls cannot meet those already stored. */
export function importBody(quotes: number, seed: number): string {
  const lines: string[] = []
  for (const record of generateCorpus({ quotes, seed }).records()) {
    const r = record as { type: string; url?: string }
    if (r.type === 'article') r.url = `${r.url}/import-${seed}`
    lines.push(JSON.stringify(r))
  }
  return `${lines.join('\n')}\n`
}

export async function importUnderLoad(options: {
  url: string
  token: string
  quotes: number
  readPaths: string[]
  outlet: string
  readers?: number
  writes?: number
  writers?: number
}): Promise<ImportUnderLoad> {
  const { url, token } = options
  const body = importBody(options.quotes, 77)
  const auth = { authorization: `Bearer ${token}` }
  let importing = true
  const latencies: number[] = []

  const reader = async (n: number) => {
    for (let i = n; importing; i++) {
      const path = options.readPaths[i % options.readPaths.length]!
      const started = performance.now()
      const response = await fetch(url + path)
      await response.arrayBuffer()
      latencies.push(performance.now() - started)
    }
  }

  const statuses: Record<string, number> = {}
  const acknowledged: string[] = []
  let nextWrite = 0
  const writer = async () => {
    while (nextWrite < (options.writes ?? 400)) {
      const n = nextWrite++
      const articleUrl = `https://during-import.example/${process.pid}/${n}`
      const response = await fetch(`${url}/api/articles`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          url: articleUrl,
          outlet: options.outlet,
          published: '2026-02-01',
          quotes: [{ text: `Written during the import, number ${n}`, kind: 'paraphrase' }],
        }),
      })
      await response.arrayBuffer()
      statuses[response.status] = (statuses[response.status] ?? 0) + 1
      if (response.ok) acknowledged.push(articleUrl)
    }
  }

  const started = performance.now()
  const upload = fetch(`${url}/api/import?format=ndjson`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson' },
    body,
  }).then(async (response) => {
    await response.arrayBuffer()
    return { status: response.status, seconds: (performance.now() - started) / 1000 }
  })
  const readers = Array.from({ length: options.readers ?? 8 }, (_, i) => reader(i))
  const writers = Array.from({ length: options.writers ?? 20 }, () => writer())
  const [done] = await Promise.all([upload, Promise.all(writers)])
  importing = false
  await Promise.all(readers)

  // One export answers for every acknowledged write at once.
  const exported = await (
    await fetch(`${url}/api/quotes.ndjson?q=${encodeURIComponent('"written during the import"')}`)
  ).text()
  const lost = acknowledged.filter((u) => !exported.includes(`"${u}"`)).length

  const sorted = latencies.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    import_quotes: options.quotes,
    import_bytes: Buffer.byteLength(body),
    import_status: done.status,
    import_seconds: Math.round(done.seconds * 10) / 10,
    reads: sorted.length,
    read_p50_ms: round(percentile(sorted, 0.5)),
    read_p99_ms: round(percentile(sorted, 0.99)),
    read_max_ms: round(sorted.at(-1) ?? 0),
    writes_by_status: statuses,
    writes_lost: lost,
  }
}
