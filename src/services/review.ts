/**
 * The review queue: what the extractor stored and no person has accepted yet, least sure first,
 * each statement with the stretch of its article that holds it and its evidence (the cue, the
 * words that name the source), so a reviewer can judge it without opening the article.
 */
import type { BodySpan, Page, QuoteResult } from '../domain/types'
import type { ServiceContext } from './context'

export interface ReviewItem {
  statement: QuoteResult
  /** The paragraph(s) holding the statement and its evidence; null when the body is unknown. */
  excerpt: BodySpan | null
}

/** How far an excerpt reaches beyond the statement and its evidence, at most, on each side. */
const CONTEXT_CHARS = 400

/** What a stretch of evidence is: the statement's words, the cue, or the words naming its source. */
export type EvidenceKind = 'statement' | 'cue' | 'source'

/** The spans a reviewer must see: the statement, its cue and the mention of its source. */
export function evidenceSpans(
  statement: QuoteResult,
): Array<{ kind: EvidenceKind; start: number; end: number }> {
  const spans = [
    { kind: 'statement' as const, span: statement.offsets },
    { kind: 'cue' as const, span: statement.extraction?.cue ?? null },
    { kind: 'source' as const, span: statement.extraction?.mention ?? null },
  ]
  return spans.flatMap(({ kind, span }) =>
    span ? [{ kind, start: span.start, end: span.end }] : [],
  )
}

/**
 * The stretch of `body` around `spans`: out to the paragraph breaks on either side (a blank
 * line), but no more than `CONTEXT_CHARS` beyond them, ending at a space where one is near.
 */
export function excerptAround(
  body: string,
  spans: Array<{ start: number; end: number }>,
): BodySpan | null {
  if (spans.length === 0) return null
  const first = Math.min(...spans.map((s) => s.start))
  const last = Math.max(...spans.map((s) => s.end))
  const paragraphStart = body.lastIndexOf('\n\n', first)
  let start = paragraphStart < 0 ? 0 : paragraphStart + 2
  if (first - start > CONTEXT_CHARS) {
    const space = body.indexOf(' ', first - CONTEXT_CHARS)
    start = space < 0 || space >= first ? first - CONTEXT_CHARS : space + 1
  }
  const paragraphEnd = body.indexOf('\n\n', last)
  let end = paragraphEnd < 0 ? body.length : paragraphEnd
  if (end - last > CONTEXT_CHARS) {
    const space = body.lastIndexOf(' ', last + CONTEXT_CHARS)
    end = space <= last ? last + CONTEXT_CHARS : space
  }
  return { start, end, text: body.slice(start, end) }
}

/**
 * One page of the statements awaiting review, least sure first — of every article, or of one
 * (`article`). Read as of one moment: a statement decided while the page is read is not on it.
 */
export async function reviewQueue(
  context: ServiceContext,
  page: { limit: number; offset: number; article?: number | null },
): Promise<Page<ReviewItem>> {
  return context.store.consistentReads(async (reads) => {
    const { total, ids } = await reads.reviewQueue(page, page.article ?? null)
    const statements = (await reads.quotesInOrder(ids)).filter((s) => s.extraction !== null)
    // Only the bodies: an article's page would read every statement in it.
    const urls = [...new Set(statements.map((s) => s.article.url))]
    const bodies = new Map((await reads.getArticleRecords(urls)).map((a) => [a.url, a.body]))
    const items = statements.map((statement) => {
      const body = bodies.get(statement.article.url) ?? null
      const excerpt = body === null ? null : excerptAround(body, evidenceSpans(statement))
      return { statement, excerpt }
    })
    return { total, limit: page.limit, offset: page.offset, items }
  })
}
