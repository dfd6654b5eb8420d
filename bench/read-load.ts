/**
 * Readers in a process of their own: `node --import tsx bench/read-load.ts URL READERS PATHS`.
 * Each reader asks for the paths (a JSON list) in turn, one request at a time. A line `start` on
 * standard input begins the measurement (what came before warmed the server); a line `stop` ends
 * it, and the latencies of the reads begun in between are printed as one JSON line. A process of
 * its own, so that what the other clients do (building a 17 MB upload, say) never delays a read's
 * clock.
 */
import { createInterface } from 'node:readline'

const [url, readers, paths] = [
  process.argv[2]!,
  Number(process.argv[3]),
  JSON.parse(process.argv[4]!) as string[],
]
let measuring = false
let reading = true
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'start') measuring = true
  else reading = false
})

const latencies: number[] = []
const failed: string[] = []
await Promise.all(
  Array.from({ length: readers }, async (_, n) => {
    for (let i = n; reading; i++) {
      const path = paths[i % paths.length]!
      const counted = measuring
      const started = performance.now()
      const response = await fetch(url + path)
      await response.arrayBuffer()
      if (counted) latencies.push(performance.now() - started)
      if (!response.ok) failed.push(`${path}: ${response.status}`)
    }
  }),
)
latencies.sort((a, b) => a - b)
const at = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0
const round = (ms: number) => Math.round(ms * 10) / 10
console.log(
  JSON.stringify({
    reads: latencies.length,
    p50_ms: round(at(0.5)),
    p99_ms: round(at(0.99)),
    max_ms: round(latencies.at(-1) ?? 0),
    failed: failed.slice(0, 10),
  }),
)
process.exit(0)
