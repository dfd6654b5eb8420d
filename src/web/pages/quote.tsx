/**
 * One statement (`/quotes/:id`): its words, who said it and where it was reported, a link to the
 * article it stands in, and a citation to copy — so a statement can be linked to and quoted.
 */
import type { QuoteResult } from '../../domain/types'
import type { ThreadReport } from '../../services/threads'
import { Citation } from '../components/citation'
import { OutletTimeline, ProvenanceAnswer } from '../components/provenance'
import { KIND_NAMES, writtenDate } from '../format'
import { Layout } from '../layout'

/**
 * The statement as a plain-text citation: "Todd Zimmerman, the DEA's agent: “…”. Reported by The
 * Independent (citing Los Angeles Times), February 2025. https://…"
 */
export function citationText(quote: QuoteResult): string {
  const who = quote.speaker
    ? `${quote.speaker.name}${quote.speaker.title ? `, ${quote.speaker.title}` : ''}`
    : quote.citedOutlet
      ? quote.citedOutlet.name
      : 'Unattributed'
  const words = quote.kind === 'paraphrase' ? quote.text : `“${quote.text}”`
  const citing = quote.citedOutlet && quote.speaker ? ` (citing ${quote.citedOutlet.name})` : ''
  return (
    `${who}: ${words}. Reported by ${quote.reportingOutlet.name}${citing}, ` +
    `${writtenDate(quote.article.published)}. ${quote.article.url}`
  )
}

export function QuotePage({
  quote,
  thread,
}: {
  quote: QuoteResult
  /** The statement's thread, when it holds others. */
  thread: ThreadReport | null
}) {
  const who = quote.speaker?.name ?? quote.citedOutlet?.name ?? 'an unnamed source'
  return (
    <Layout title={`${KIND_NAMES[quote.kind].one} by ${who}`}>
      <h1>
        {KIND_NAMES[quote.kind].one} by {who}
      </h1>
      <div class="results">
        <Citation quote={quote} />
      </div>
      <p>
        <a href={`/articles/${quote.article.id}`}>Read it in the article</a>
        {quote.article.title ? <> — {quote.article.title}</> : null}
      </p>
      {thread ? (
        <section aria-labelledby="thread">
          <h2 id="thread">
            The same statement in {thread.outlets.length}{' '}
            {thread.outlets.length === 1 ? 'outlet' : 'outlets'}
          </h2>
          <ProvenanceAnswer outlets={thread.outlets} />
          <OutletTimeline outlets={thread.outlets} />
          <p>
            <a href={`/threads/${thread.id}`}>
              All {thread.statementCount} statements, each with its chain
            </a>
          </p>
        </section>
      ) : null}
      <h2>
        <label for="citation">Cite it</label>
      </h2>
      <textarea id="citation" class="citation-text" readonly rows={4}>
        {citationText(quote)}
      </textarea>
    </Layout>
  )
}
