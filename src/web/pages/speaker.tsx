/**
 * A speaker's page (`/speakers/:slug`): who they are, the names they go by, how many statements,
 * which outlets quoted them and how often, and their statements, newest first.
 */
import type { SpeakerDetail } from '../../domain/types'
import type { QuoteSearchResult } from '../../services/quotes'
import { CitationList } from '../components/citation'
import { Fact, joined } from '../components/facts'
import { Pagination } from '../components/pagination'
import { Layout } from '../layout'

export function SpeakerPage({
  speaker,
  quotes,
  params,
}: {
  speaker: SpeakerDetail
  quotes: QuoteSearchResult
  params: URLSearchParams
}) {
  return (
    <Layout title={speaker.name}>
      <h1>{speaker.name}</h1>
      <dl class="facts">
        <Fact term="Who">{speaker.description}</Fact>
        <Fact term="Source">
          {speaker.anonymous ? 'Anonymous: not named by the reporting outlet' : null}
        </Fact>
        <Fact term="Also called">{joined(speaker.aliases)}</Fact>
        <Fact term="Quoted as">{joined(speaker.titles)}</Fact>
        <Fact term="Wikidata">
          {speaker.wikidataId ? (
            <a href={`https://www.wikidata.org/wiki/${speaker.wikidataId}`}>{speaker.wikidataId}</a>
          ) : null}
        </Fact>
        <Fact term="Statements">
          <a href={`/?speaker=${speaker.slug}`}>{speaker.quoteCount}</a>
        </Fact>
      </dl>
      {speaker.outlets.length > 0 ? (
        <>
          <h2>Quoted by</h2>
          <table class="counts">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Statements</th>
              </tr>
            </thead>
            <tbody>
              {speaker.outlets.map(({ outlet, count }) => (
                <tr>
                  <td>
                    <a href={`/outlets/${outlet.slug}`}>{outlet.name}</a>
                  </td>
                  <td class="n">
                    <a href={`/?speaker=${speaker.slug}&outlet=${outlet.slug}`}>{count}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>Statements, newest first</h2>
      {quotes.total === 0 ? <p class="muted">No statements yet.</p> : null}
      {quotes.total > 0 && quotes.items.length === 0 ? (
        <p class="muted">
          No statements on this page.{' '}
          <a href={`/speakers/${speaker.slug}`}>Back to the first page</a>
        </p>
      ) : null}
      <CitationList quotes={quotes.items} />
      <Pagination
        total={quotes.total}
        offset={quotes.offset}
        limit={quotes.limit}
        params={params}
      />
    </Layout>
  )
}
