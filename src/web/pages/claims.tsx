/**
 * "Who reported this?" (`/claims`): a claim in your own words, and the outlets that carried it,
 * earliest first — each with its statement and chain (who said it → whom they told → who reported
 * it). Outlets cited as the source are drawn apart from those that reported it.
 */
import type { QuoteResult } from '../../domain/types'
import type { ClaimReport } from '../../services/claims'
import { ErrorNote } from '../components/error-note'
import { writtenDate } from '../format'
import { Layout } from '../layout'

/**
 * The chain as steps, the origin first: "U.S. and Mexican officials told → The Wall Street Journal
 * → reported by The Independent". Without a named speaker the cited outlet is the origin.
 */
function Steps({ quote }: { quote: QuoteResult }) {
  const { speaker, citedOutlet, reportingOutlet, article } = quote
  // "according to" reads backwards in a left-to-right chain; the arrow already says it.
  const cue = /^(?:according to|per)$/i.test(quote.cue ?? '') ? '' : (quote.cue ?? 'said')
  const origin = speaker ? (
    <>
      <a href={`/speakers/${speaker.slug}`}>{speaker.name}</a> {cue}
    </>
  ) : citedOutlet ? (
    <>
      <a href={`/outlets/${citedOutlet.slug}`}>{citedOutlet.name}</a> {cue || 'reported'}
    </>
  ) : quote.cue ? (
    <>{quote.cue}</>
  ) : null
  const via =
    speaker && citedOutlet ? (
      <a href={`/outlets/${citedOutlet.slug}`}>{citedOutlet.name}</a>
    ) : speaker && quote.audience ? (
      <>
        {/^told$/i.test(quote.cue ?? '') ? '' : 'to '}
        {quote.audience}
      </>
    ) : null
  return (
    <ol class="chain-steps" aria-label="Attribution chain">
      {origin ? <li class="origin">{origin}</li> : null}
      {via ? <li>{via}</li> : null}
      <li>
        reported by <a href={`/outlets/${reportingOutlet.slug}`}>{reportingOutlet.name}</a>,{' '}
        <a href={`/articles/${article.id}`}>{writtenDate(article.published)}</a>
      </li>
    </ol>
  )
}

export function ClaimsPage({
  q,
  report,
  error,
}: {
  q: string
  report: ClaimReport | null
  error: string | null
}) {
  return (
    <Layout title={q ? `Who reported: ${q}` : 'Who reported this?'} current="claims">
      <h1>Who reported this?</h1>
      <form class="claim search" method="get" action="/claims">
        <label for="claim">A claim, in your own words</label>
        <textarea id="claim" name="q" placeholder="drones were flown over Mexico for years">
          {q}
        </textarea>
        <div>
          <button type="submit">Find who reported it</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {report ? (
        report.items.length === 0 ? (
          <div class="nothing" role="status">
            <p>
              <strong>No outlet carried this claim</strong> as far as the database knows. A claim
              matches statements that share enough of its words: try the names, places and numbers
              it turns on, or fewer words.
            </p>
          </div>
        ) : (
          <>
            <p class="summary" role="status">
              {report.statementCount} {report.statementCount === 1 ? 'statement' : 'statements'} in{' '}
              {report.total} {report.total === 1 ? 'outlet' : 'outlets'}, earliest first.
            </p>
            <ol class="outlets">
              {report.items.map((group) => {
                const source = group.roles.includes('cited')
                return (
                  <li class={source ? 'source' : undefined}>
                    <h2>
                      <a href={`/outlets/${group.outlet.slug}`}>{group.outlet.name}</a>
                      {source ? <span class="badge source">Cited as the source</span> : null}
                      {group.roles.includes('reported') ? (
                        <span class="badge reported">Reported it</span>
                      ) : null}
                    </h2>
                    <p class="muted">
                      {source ? 'Cited in reports dated ' : 'Published '}
                      {writtenDate(group.earliest)}
                      {group.earliest.precision === 'day' ? '' : ' (day unknown)'}
                      {group.certain ? '' : ' — order unknown'} · {group.statements.length}{' '}
                      {group.statements.length === 1 ? 'statement' : 'statements'}
                    </p>
                    <ul>
                      {group.statements.map((quote) => (
                        <li>
                          <blockquote class={`quote ${quote.kind}`}>
                            {quote.kind === 'paraphrase' ? quote.text : `“${quote.text}”`}
                          </blockquote>
                          <Steps quote={quote} />
                        </li>
                      ))}
                    </ul>
                  </li>
                )
              })}
            </ol>
          </>
        )
      ) : null}
    </Layout>
  )
}
