/**
 * `npm run import -- FILE [--format F] [--skip-invalid] [--rejects FILE]`: imports a file into the
 * database that QUOTEDB_DB names, streaming it (a file larger than memory imports), in one
 * transaction: all of it or none.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs'
import { createGunzip } from 'node:zlib'
import { AppError } from '../domain/errors'
import { detectFormat, UnreadableFile, type ImportFormat } from '../import/formats'
import type { ImportProblem } from '../import/importer'
import type { Writer } from '../services/writer'
import { terminalProgress } from './progress'

export interface ImportCommand {
  file: string
  format: ImportFormat | null
  skipInvalid: boolean
  rejectsFile: string | null
}

/** Most problems printed; the summary says how many there were. */
const PRINTED_PROBLEMS = 50

const describe = (p: ImportProblem) =>
  `  line ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}`

/**
 * Runs an import as the write operation `importFile`, as the API does; returns the process exit
 * code (0 imported, 1 refused).
 */
export async function runImport(writer: Writer, command: ImportCommand): Promise<number> {
  if (!existsSync(command.file) || !statSync(command.file).isFile()) {
    console.error(`Nothing was imported: there is no file ${command.file}.`)
    return 1
  }
  const size = statSync(command.file).size
  const raw = createReadStream(command.file)
  const text = command.file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw
  text.setEncoding('utf8')
  // The format is detected here, as the summary names it.
  const iterator = (text as AsyncIterable<string>)[Symbol.asyncIterator]()
  const first = await iterator.next()
  const format = command.format ?? detectFormat(command.file, first.done ? '' : first.value)
  const all = (async function* () {
    if (!first.done) yield first.value
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      yield next.value
  })()

  const rejectsPath = command.skipInvalid
    ? (command.rejectsFile ?? `${command.file}.rejected`)
    : null
  const rejects = rejectsPath ? createWriteStream(rejectsPath) : null
  const progress = terminalProgress()
  const started = performance.now()
  try {
    const report = await writer.run('importFile', {
      source: all,
      format,
      fileName: command.file,
      skipInvalid: command.skipInvalid,
      onProgress: (items) => progress.update(items, size > 0 ? raw.bytesRead / size : null),
      onRejected: rejects ? (_line, rawLine) => void rejects.write(`${rawLine}\n`) : undefined,
    })
    progress.done()
    const seconds = (performance.now() - started) / 1000
    const { quotes, speakers, outlets, articles } = report.summary
    if (!report.committed) {
      console.error(
        `Nothing was imported: ${report.rejected} of ${report.itemsRead} records in ${command.file} (${format}) are not valid.`,
      )
      for (const problem of report.problems.slice(0, PRINTED_PROBLEMS))
        console.error(describe(problem))
      if (report.problemCount > PRINTED_PROBLEMS) {
        console.error(`  … and ${report.problemCount - PRINTED_PROBLEMS} more problems.`)
      }
      console.error('Fix them, or import the valid records with --skip-invalid.')
      return 1
    }
    console.log(
      `Imported ${command.file} (${format}) in ${seconds.toFixed(1)} s: ` +
        `${quotes.added} quotes added (${quotes.existing} already there), ${articles.added} articles, ` +
        `${speakers.added} speakers, ${outlets.added} outlets` +
        `${report.unverified > 0 ? `; ${report.unverified} quotes unverified (no article text)` : ''}` +
        ` — ${Math.round(report.itemsRead / Math.max(seconds, 0.001)).toLocaleString('en-US')} records/s.`,
    )
    if (report.rejected > 0) {
      console.log(`${report.rejected} records were skipped; their lines are in ${rejectsPath}:`)
      for (const problem of report.problems.slice(0, PRINTED_PROBLEMS))
        console.log(describe(problem))
    }
    return 0
  } catch (error) {
    progress.done()
    if (error instanceof AppError && error.cause instanceof UnreadableFile) {
      console.error(`Nothing was imported: ${command.file} cannot be read: ${error.cause.message}.`)
      return 1
    }
    throw error
  } finally {
    await new Promise<void>((resolve) => (rejects ? rejects.end(resolve) : resolve()))
  }
}
