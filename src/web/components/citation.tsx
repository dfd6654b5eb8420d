/**
 * A statement read as a citation: the quote (matched words marked) and its chain —
 * "— Todd Zimmerman, the DEA's special agent in Mexico City, told the Los Angeles Times · reported
 * by The Independent, February 2025" — with links to the speaker, the outlets, the article and the
 * statement's own page.
 */
import { raw } from 'hono/html'
import type { QuoteResult } from '../../domain/types'
import { KIND_NAMES, safeHref, writtenDate, writtenDayRange } from '../format'

/**
 * The statement's words: the highlighted snippet (already escaped, marks only) or the plain text.
 * Quoted words are a blockquote; a paraphrase is the reporter's words, so a paragraph.
 */
function QuoteText({ quote }: { quote: QuoteResult }) {
  const inner = quote.snippet ? raw(quote.snippet) : quote.text
  const kind = <span class="kind">{KIND_NAMES[quote.kind].one}</span>
  return quote.kind === 'paraphrase' ? (
    <p class="quote paraphrase">
      {kind}
      {inner}
    </p>
  ) : (
    <blockquote class={`quote ${quote.kind}`} cite={safeHref(quote.article.url) ?? undefined}>
      {kind}“{inner}”
    </blockquote>
  )
}

/** "(said last week: 10–16 February 2025)", the article's words and the days they mean. */
function SaidWhen({ said }: { said: QuoteResult['said'] }) {
  if (!said?.phrase) return null
  const days =
    said.earliest && said.latest ? `: ${writtenDayRange(said.earliest, said.latest)}` : ''
  return (
    <span class="muted">
      {' '}
      (said {said.phrase}
      {days})
    </span>
  )
}

const OutletLink = ({ outlet }: { outlet: { slug: string; name: string } }) => (
  <a href={`/outlets/${outlet.slug}`}>{outlet.name}</a>
)

/**
 * Who said it, to whom and where: the attribution chain in words. "— Todd Zimmerman, the DEA's
 * agent, told Los Angeles Times", "— according to U.S. officials, citing The Wall Street Journal",
 * "— The New York Times first reported", then "· reported by The Independent, February 2025".
 */
export function Chain({ quote }: { quote: QuoteResult }) {
  const { speaker, citedOutlet, reportingOutlet, article } = quote
  const cue = quote.cue ?? 'said'
  const accordingTo = /^(?:according to|per)$/i.test(cue)
  const told = /^(?:tell|told|tells|telling)$/i.test(cue)
  // "told" with no one named after it would dangle: the name alone says who.
  const shownCue = told && !citedOutlet && !quote.audience ? '' : ` ${cue}`
  const who = speaker ? (
    <>
      <a href={`/speakers/${speaker.slug}`}>{speaker.name}</a>
      {speaker.title ? `, ${speaker.title}${shownCue && !accordingTo ? ',' : ''}` : ''}
    </>
  ) : null
  let said
  if (accordingTo) {
    said = who ? (
      <>
        according to {who}
        {citedOutlet ? (
          <>
            , citing <OutletLink outlet={citedOutlet} />
          </>
        ) : null}
      </>
    ) : citedOutlet ? (
      <>
        according to <OutletLink outlet={citedOutlet} />
      </>
    ) : null
  } else if (who) {
    said = (
      <>
        {who}
        {shownCue}
        {told && citedOutlet ? (
          <>
            {' '}
            <OutletLink outlet={citedOutlet} />
          </>
        ) : quote.audience ? (
          ` ${quote.audience}`
        ) : null}
        {!told && citedOutlet ? (
          <>
            , citing <OutletLink outlet={citedOutlet} />
          </>
        ) : null}
      </>
    )
  } else if (citedOutlet) {
    said = (
      <>
        <OutletLink outlet={citedOutlet} /> {cue}
      </>
    )
  } else {
    said = quote.cue ? <>{quote.cue}</> : null
  }
  return (
    <p class="chain">
      {said ? <>— {said} · </> : '— '}
      reported by <OutletLink outlet={reportingOutlet} />,{' '}
      <a href={`/articles/${article.id}`}>{writtenDate(article.published)}</a>
      <SaidWhen said={quote.said} />
      {quote.verified ? null : (
        <span class="unverified"> · not checked against the article text</span>
      )}
      {' · '}
      <a
        class="permalink"
        href={`/quotes/${quote.id}`}
        aria-label="This statement on a page of its own"
      >
        link
      </a>
      {quote.thread.statements > 1 ? (
        <>
          {' · '}
          <a class="thread-link" href={`/threads/${quote.thread.id}`}>
            one of {quote.thread.statements} statements in {quote.thread.outlets}{' '}
            {quote.thread.outlets === 1 ? 'outlet' : 'outlets'}
          </a>
        </>
      ) : null}
    </p>
  )
}

export function Citation({ quote }: { quote: QuoteResult }) {
  return (
    <>
      <QuoteText quote={quote} />
      <Chain quote={quote} />
    </>
  )
}

/** Statements as a list of citations, in the order given. */
export function CitationList({ quotes }: { quotes: QuoteResult[] }) {
  return (
    <ol class="results" role="list">
      {quotes.map((quote) => (
        <li>
          <Citation quote={quote} />
        </li>
      ))}
    </ol>
  )
}
