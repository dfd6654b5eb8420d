/**
 * "Who reported this?" (`/claims`): a claim in your own words, and the statements that carry it as
 * threads, best match first — the answer in one line before anything else, then for each thread
 * its words (the claim's words marked), who said it, and the outlets that carried it as a
 * timeline, with links to the thread and to each statement.
 */
import { raw } from 'hono/html'
import type { ClaimReport } from '../../services/claims'
import { ErrorNote } from '../components/error-note'
import { Pagination } from '../components/pagination'
import { OutletTimeline, ProvenanceAnswer } from '../components/provenance'
import { LIMITS } from '../../search/options'
import { shortened } from '../format'
import { Layout } from '../layout'

export function ClaimsPage({
  q,
  report,
  error,
  params,
}: {
  q: string
  report: ClaimReport | null
  error: string | null
  /** The request's parameters, for page links. */
  params: URLSearchParams | null
}) {
  const best = report?.offset === 0 ? report.items[0] : undefined
  return (
    <Layout title={q ? `Who reported: ${shortened(q, 60)}` : 'Who reported this?'} current="claims">
      <h1>Who reported this?</h1>
      <form class="claim search" method="get" action="/claims">
        <label for="claim">A claim, in your own words</label>
        <textarea
          id="claim"
          name="q"
          maxlength={LIMITS.queryLength}
          placeholder="drones were flown over Mexico for years"
        >
          {q}
        </textarea>
        <div>
          <button type="submit">Find who reported it</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {report ? (
        report.items.length === 0 && report.total > 0 ? (
          <div class="nothing" role="status">
            <p>
              No more: the {report.statementCount} statements that carry this claim are on{' '}
              <a href={`/claims?q=${encodeURIComponent(q)}`}>the first pages</a>.
            </p>
          </div>
        ) : report.items.length === 0 ? (
          <div class="nothing" role="status">
            <p>
              <strong>No outlet carried this claim</strong> as far as the database knows. A claim
              matches statements that share enough of its words: try the names, places and numbers
              it turns on, or fewer words.
            </p>
          </div>
        ) : (
          <>
            {best ? (
              <div class="best" role="status">
                <p class="muted">Best match</p>
                <ProvenanceAnswer outlets={best.outlets} />
              </div>
            ) : null}
            <p class="summary">
              {report.statementCount} matching{' '}
              {report.statementCount === 1 ? 'statement' : 'statements'}, as {report.total}{' '}
              {report.total === 1 ? 'statement' : 'different statements'}, best match first.
            </p>
            <ol class="threads">
              {report.items.map((item) => (
                <li>
                  {item.statements.find((s) => s.id === item.statementId)?.kind === 'paraphrase' ? (
                    <p class="quote paraphrase">{raw(item.snippet)}</p>
                  ) : (
                    <blockquote class="quote">“{raw(item.snippet)}”</blockquote>
                  )}
                  <p class="muted">
                    {item.speaker ? (
                      <a href={`/speakers/${item.speaker.slug}`}>{item.speaker.name}</a>
                    ) : (
                      'An unnamed source'
                    )}{' '}
                    · {item.thread.statements}{' '}
                    {item.thread.statements === 1 ? 'statement' : 'statements'} in{' '}
                    {item.outlets.length} {item.outlets.length === 1 ? 'outlet' : 'outlets'} ·{' '}
                    <a href={`/quotes/${item.statementId}`}>this statement</a> ·{' '}
                    <a href={`/threads/${item.thread.id}`}>the whole thread</a>
                  </p>
                  {item === best ? null : <ProvenanceAnswer outlets={item.outlets} />}
                  <OutletTimeline outlets={item.outlets} />
                </li>
              ))}
            </ol>
            {params ? (
              <Pagination
                total={report.total}
                offset={report.offset}
                limit={report.limit}
                params={params}
              />
            ) : null}
          </>
        )
      ) : null}
    </Layout>
  )
}
