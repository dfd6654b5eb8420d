/**
 * The real server as `npm start` runs it, on an existing database: how long from process start to
 * the first answered search, what it holds in memory, and how many searches a second it answers
 * over HTTP (autocannon, 10 connections, 10 seconds, a mix of searches).
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

export interface ServerRun {
  /** From spawning the process to the first search answered with 200. */
  first_search_ms: number
  /** The server's resident memory after the load. */
  server_rss_mb: number
  http_rps: number
  http_p99_ms: number
  http_errors: number
}

export async function loadServer(
  databasePath: string,
  paths: string[],
  env: Record<string, string> = {},
  seconds = 10,
): Promise<ServerRun> {
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      QUOTEDB_DB: databasePath,
      QUOTEDB_SEED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = ''
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /listening on (http:\/\/\S+)/.exec(output)
        if (match) resolve(match[1]!)
      })
      child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
    })
    let firstSearchMs = NaN
    for (;;) {
      const response = await fetch(url + paths[0])
      await response.arrayBuffer()
      if (response.ok) {
        firstSearchMs = performance.now() - started
        break
      }
    }
    const result = await autocannon({
      url,
      connections: 10,
      duration: seconds,
      requests: paths.map((path) => ({ method: 'GET', path })),
    })
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
    return {
      first_search_ms: Math.round(firstSearchMs),
      server_rss_mb: rss ? Math.round(Number(rss[1]) / 1024) : NaN,
      http_rps: Math.round(result.requests.average),
      http_p99_ms: result.latency.p99,
      http_errors: result.errors + result.non2xx,
    }
  } finally {
    child.kill('SIGTERM')
  }
}
