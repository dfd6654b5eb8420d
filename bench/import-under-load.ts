/**
 * A bulk import under load: one client uploads a large import while others read (searches and
 * health checks, each latency recorded, from a process of their own) and write (small articles at
 * a fixed concurrency). What a busy newsroom does to one server; the numbers say whether reads
 * wait for the import and whether any write is lost or refused with a 500.
 */
import { spawn } from 'node:child_process'
import { generateCorpus } from './corpus'

export interface ImportUnderLoad {
  import_quotes: number
  import_bytes: number
  import_status: number
  import_seconds: number
  readers: number
  reads: number
  read_p50_ms: number
  read_p99_ms: number
  read_max_ms: number
  /** Writes by the status they were answered with. */
  writes_by_status: Record<string, number>
  /** Writes answered 2xx whose article is not in the database afterwards: must be 0. */
  writes_lost: number
}

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

/**
 * Readers in another process (`read-load.ts`); `measure()` begins counting their latencies,
 * `stop()` ends them and gives the latencies counted.
 */
function startReaders(url: string, readers: number, paths: string[]) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL('./read-load.ts', import.meta.url).pathname,
      url,
      String(readers),
      JSON.stringify(paths),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  )
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  return {
    measure: () => void child.stdin!.write('start\n'),
    async stop(): Promise<{
      reads: number
      p50_ms: number
      p99_ms: number
      max_ms: number
      failed: string[]
    }> {
      child.stdin!.end('stop\n')
      await exited
      return JSON.parse(output)
    },
  }
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
  const readers = options.readers ?? 20
  const body = Buffer.from(importBody(options.quotes, 77))
  const auth = { authorization: `Bearer ${token}` }

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

  const reading = startReaders(url, readers, options.readPaths)
  // The readers' first requests warm the server before the import begins.
  await new Promise((resolve) => setTimeout(resolve, 2000))
  reading.measure()
  const started = performance.now()
  const upload = fetch(`${url}/api/import?format=ndjson`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/x-ndjson' },
    body,
  }).then(async (response) => {
    await response.arrayBuffer()
    return { status: response.status, seconds: (performance.now() - started) / 1000 }
  })
  const writers = Array.from({ length: options.writers ?? 20 }, () => writer())
  const [done] = await Promise.all([upload, Promise.all(writers)])
  const reads = await reading.stop()
  if (reads.failed.length > 0) throw new Error(`reads failed: ${reads.failed.join('; ')}`)

  // One export answers for every acknowledged write at once.
  const exported = await (
    await fetch(`${url}/api/quotes.ndjson?q=${encodeURIComponent('"written during the import"')}`)
  ).text()
  const lost = acknowledged.filter((u) => !exported.includes(`"${u}"`)).length

  return {
    import_quotes: options.quotes,
    import_bytes: body.length,
    import_status: done.status,
    import_seconds: Math.round(done.seconds * 10) / 10,
    readers,
    reads: reads.reads,
    read_p50_ms: reads.p50_ms,
    read_p99_ms: reads.p99_ms,
    read_max_ms: reads.max_ms,
    writes_by_status: statuses,
    writes_lost: lost,
  }
}
