/**
 * The command line as a user runs it: `src/cli.ts` in a process of its own, on the database
 * QUOTEDB_DB names.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

export const ROOT = resolve(__dirname, '../..')

/** Runs the command line with QUOTEDB_DB set; resolves with its exit code and output. */
export async function cli(database: string, ...args: string[]) {
  return cliWith({}, database, ...args)
}

/** The same, with more environment variables set. */
export async function cliWith(env: Record<string, string>, database: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, QUOTEDB_DB: database },
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

/** Starts the command line in the background; `exited` resolves with its code and output. */
export function startCli(database: string, ...args: string[]) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, QUOTEDB_DB: database },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('exit', (code) => done({ code, stdout, stderr })),
  )
  return { child, exited, stderr: () => stderr }
}
