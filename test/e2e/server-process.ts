/**
 * The real server as a user runs it — `src/index.ts` in its own process, on a free localhost port,
 * with a database file of its own — for browser and crash tests.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const SERVER_TOKEN = 'e2e-token-0123456789abcdef'

export interface RunningServer {
  url: string
  token: string
  /** The database file the server serves. */
  database: string
  /** The server's resident memory now, in MB. */
  rssMb(): number
  /** What the server has printed so far (standard output and error). */
  output(): string
  /** Stops the server and removes its database. */
  stop(): Promise<void>
  /** Kills the process at once (SIGKILL), leaving the database as the kill left it. */
  kill(): Promise<void>
}

/** Starts a server on `database` (a new one in a new directory when not given), with extra settings. */
export async function startServer(
  database?: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const dir = database ? null : mkdtempSync(join(tmpdir(), 'quotedb-e2e-'))
  const path = database ?? join(dir!, 'quotedb.sqlite')
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      QUOTEDB_DB: path,
      QUOTEDB_TOKEN: SERVER_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let printed = ''
  const keep = (chunk: Buffer) => void (printed += chunk.toString())
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const url = await listeningUrl(child)
  const ended = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  return {
    url,
    token: SERVER_TOKEN,
    database: path,
    rssMb() {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      return rss ? Math.round(Number(rss[1]) / 1024) : NaN
    },
    output: () => printed,
    async stop() {
      await ended('SIGTERM')()
      if (dir) rmSync(dir, { recursive: true, force: true })
    },
    kill: ended('SIGKILL'),
  }
}

/** The address the server prints once it listens; its output if it dies first. */
function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => reject(new Error(`server did not start within 60 s:\n${output}`)),
      60_000,
    )
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })
}
