/**
 * `npm run ingest -- URL|FILE.html|DIR|FEED… [--extract]`: articles from web pages — addresses,
 * saved pages, folders of them, and RSS or Atom feeds (each item's page) — each stored as
 * `POST /api/articles` stores a page, with a progress bar and a summary of what was added,
 * skipped (already stored) and refused, and why.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { AppError } from '../domain/errors'
import { decodePage, fetchPage, type FetchOptions } from '../ingest/fetch-page'
import { feedLinks, isFeed } from '../ingest/feed'
import { addressOfSavedPage } from '../ingest/page-article'
import { pageAsArticle } from '../services/ingest'
import type { Writer } from '../services/writer'
import { terminalProgress } from './progress'

export interface IngestCommand {
  inputs: string[]
  extract: boolean
  fetch: Partial<FetchOptions>
}

/** One page to store: an address to fetch, or a saved page's text and where it was read. */
type Source = { url: string; html: string | null; from: string }

interface Outcome {
  added: string[]
  skipped: string[]
  refused: Array<{ source: string; reason: string }>
}

const PAGE_FILES = new Set(['.html', '.htm', '.xhtml'])
const FEED_FILES = new Set(['.xml', '.rss', '.atom'])
const isAddress = (input: string) => /^https?:\/\//i.test(input)

/** The pages an input stands for; what cannot be read is refused into `outcome`. */
async function sourcesOf(
  input: string,
  command: IngestCommand,
  outcome: Outcome,
): Promise<Source[]> {
  const refuse = (reason: string) => (outcome.refused.push({ source: input, reason }), [])
  try {
    if (isAddress(input)) {
      const fetched = await fetchPage(input, { ...command.fetch, feeds: true })
      if (fetched.kind === 'feed' || isFeed(fetched.html)) {
        return feedLinks(fetched.html, fetched.url).map((url) => ({ url, html: null, from: input }))
      }
      return [{ url: fetched.url, html: fetched.html, from: input }]
    }
    const info = await stat(input)
    if (info.isDirectory()) {
      const names = (await readdir(input)).sort()
      const files = names.filter(
        (n) => PAGE_FILES.has(extname(n).toLowerCase()) || FEED_FILES.has(extname(n).toLowerCase()),
      )
      // One file at a time: a folder of many pages is not all read into memory at once.
      const found: Source[] = []
      for (const name of files)
        found.push(...(await sourcesOf(join(input, name), command, outcome)))
      return found
    }
    const text = decodePage(await readFile(input), null)
    if (isFeed(text)) {
      return feedLinks(text, 'https://invalid.invalid/').map((url) => ({
        url,
        html: null,
        from: input,
      }))
    }
    // A saved page says where it was read: its canonical address (or og:url).
    const address = addressOfSavedPage(text)
    if (address === null) {
      return refuse('a saved page needs its address: it has no <link rel="canonical"> or og:url.')
    }
    return [{ url: address, html: text, from: input }]
  } catch (error) {
    return refuse(
      error instanceof AppError ? error.message : `cannot be read (${(error as Error).message})`,
    )
  }
}

/** Runs the command through the write operations; returns the exit code (1 when any is refused). */
export async function runIngest(writer: Writer, command: IngestCommand): Promise<number> {
  const outcome: Outcome = { added: [], skipped: [], refused: [] }
  const sources: Source[] = []
  for (const input of command.inputs) sources.push(...(await sourcesOf(input, command, outcome)))
  const progress = terminalProgress(process.stderr, 'Ingesting')
  let done = 0
  for (const source of sources) {
    try {
      const item = await pageAsArticle(source, command.fetch)
      const article = await writer.run('createArticle', item, { extract: command.extract })
      // Extracted statements wait for a person: say where.
      const review =
        command.extract && article.statements.length > 0
          ? `; review them at /review?article=${article.id}`
          : ''
      outcome.added.push(
        `${article.url} (article ${article.id}, ${article.statements.length} statements${review})`,
      )
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') outcome.skipped.push(source.url)
      else {
        // One page that fails is refused with its reason; the others are still read.
        const reason = error instanceof Error ? error.message : String(error)
        outcome.refused.push({ source: source.url, reason })
      }
    }
    progress.update(++done, done / sources.length)
  }
  progress.done()
  const { added, skipped, refused } = outcome
  console.log(
    `Added ${added.length}, skipped ${skipped.length} (already stored), refused ${refused.length}.`,
  )
  for (const line of added) console.log(`  added    ${line}`)
  for (const line of skipped) console.log(`  skipped  ${line}`)
  for (const { source, reason } of refused) console.log(`  refused  ${source}: ${reason}`)
  return refused.length > 0 ? 1 : 0
}
