/**
 * A thread (`/api/threads/{id}`): one statement as every outlet carried it — who said it and by
 * when, each outlet with its role in the order they carried it, and every statement with its chain.
 */
import { notFound } from '../domain/errors'
import { lastDayOf, parsePartialDate } from '../domain/partial-dates'
import type { QuoteResult, QuoteSpeaker } from '../domain/types'
import type { ServiceContext } from './context'
import { compareDates, provenanceLine, threadOutlets, type ThreadOutlet } from './provenance'

/** The most statements a thread lists; its `statementCount` says how many it holds. */
export const THREAD_STATEMENTS_SHOWN = 200

export interface ThreadReport {
  id: number
  /** The words as most fully given: the longest quotation, else the longest statement. */
  text: string
  /** Who said it: the speaker most of its statements name; null when none does. */
  speaker: QuoteSpeaker | null
  /**
   * When it was said, as far as its statements tell: not before `earliest` (null when none says)
   * and surely by `latest` (a said date, else the first article's last day).
   */
  said: { earliest: string | null; latest: string }
  /** One line: the origin, who carried it first (or that the order is not known), how many. */
  answer: string
  outlets: ThreadOutlet[]
  statementCount: number
  /** Earliest published first. */
  statements: QuoteResult[]
}

/** The speaker most statements name (ties: the first named). */
function speakerOf(statements: QuoteResult[]): QuoteSpeaker | null {
  const counts = new Map<string, { speaker: QuoteSpeaker; count: number }>()
  for (const s of statements) {
    if (!s.speaker) continue
    const found = counts.get(s.speaker.slug)
    if (found) found.count++
    else counts.set(s.speaker.slug, { speaker: s.speaker, count: 1 })
  }
  let best: { speaker: QuoteSpeaker; count: number } | null = null
  for (const c of counts.values()) if (!best || c.count > best.count) best = c
  return best?.speaker ?? null
}

/** The days it was said between: every statement's bounds hold of the one statement. */
function saidRange(statements: QuoteResult[]): ThreadReport['said'] {
  let earliest: string | null = null
  let latest: string | null = null
  for (const s of statements) {
    const by = s.said?.latest ?? lastDayOf(parsePartialDate(s.article.published.date)!)
    if (latest === null || by < latest) latest = by
    const from = s.said?.earliest ?? null
    if (from !== null && (earliest === null || from > earliest)) earliest = from
  }
  return { earliest: earliest !== null && earliest <= latest! ? earliest : null, latest: latest! }
}

/** Statements in the order they were published, then by id. */
export const byPublication = (a: QuoteResult, b: QuoteResult) =>
  compareDates(a.article.published, b.article.published) || a.id - b.id

/** The thread's report from its statements (at least one). */
export function threadReport(id: number, count: number, found: QuoteResult[]): ThreadReport {
  const statements = [...found].sort(byPublication)
  const quotations = statements.filter((s) => s.kind !== 'paraphrase')
  const longest = (list: QuoteResult[]) =>
    list.reduce((a, b) => (b.text.length > a.text.length ? b : a))
  const outlets = threadOutlets(statements)
  return {
    id,
    text: longest(quotations.length > 0 ? quotations : statements).text,
    speaker: speakerOf(statements),
    said: saidRange(statements),
    answer: provenanceLine(outlets),
    outlets,
    statementCount: Math.max(count, statements.length),
    statements,
  }
}

/** A thread by id; 404 when no thread has it. */
export async function getThread(context: ServiceContext, id: number): Promise<ThreadReport> {
  const ids = await context.store.threadStatementIds(id, THREAD_STATEMENTS_SHOWN)
  const statements = await context.store.quotesInOrder(ids)
  if (statements.length === 0) throw notFound(`No thread has the id ${id}.`)
  return threadReport(id, statements[0]!.thread.statements, statements)
}
