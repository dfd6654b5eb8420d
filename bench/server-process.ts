/**
 * The real server as `npm start` runs it, in its own process, on an existing database and a free
 * port: for the benchmark's HTTP run and the load test.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface ServerProcess {
  url: string
  /** When the process was spawned (performance.now()). */
  spawnedAt: number
  /** The server's resident memory now, in MB. */
  rssMb(): number
  stop(): void
}

export async function startServer(
  databasePath: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const spawnedAt = performance.now()
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
  const url = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  return {
    url,
    spawnedAt,
    rssMb() {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      return rss ? Math.round(Number(rss[1]) / 1024) : NaN
    },
    stop: () => child.kill('SIGTERM'),
  }
}

/** Asks until the server answers `path` with success; the time since spawning, in ms. */
export async function firstAnswer(server: ServerProcess, path: string): Promise<number> {
  for (;;) {
    const response = await fetch(server.url + path)
    await response.arrayBuffer()
    if (response.ok) return Math.round(performance.now() - server.spawnedAt)
  }
}
