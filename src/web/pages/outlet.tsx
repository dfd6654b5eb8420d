/**
 * An outlet's page (`/outlets/:slug`): what it published, and what other outlets cited it for.
 */
import type { Outlet } from '../../domain/types'
import type { QuoteSearchResult } from '../../services/quotes'
import { CitationList } from '../components/citation'
import { Fact, joined } from '../components/facts'
import { safeHref } from '../format'
import { Layout } from '../layout'

const KINDS = {
  newspaper: 'Newspaper',
  wire: 'News agency',
  broadcaster: 'Broadcaster',
  magazine: 'Magazine',
  online: 'Online',
} as const

function QuoteList({
  title,
  quotes,
  more,
  none,
}: {
  title: string
  quotes: QuoteSearchResult
  more: string
  none: string
}) {
  return (
    <section>
      <h2>
        {title} <span class="muted">({quotes.total})</span>
      </h2>
      {quotes.total === 0 ? <p class="muted">{none}</p> : null}
      <CitationList quotes={quotes.items} />
      {quotes.total > quotes.items.length ? (
        <p>
          <a href={more}>All {quotes.total} →</a>
        </p>
      ) : null}
    </section>
  )
}

export function OutletPage({
  outlet,
  published,
  cited,
}: {
  outlet: Outlet
  published: QuoteSearchResult
  cited: QuoteSearchResult
}) {
  const site = outlet.domain ? safeHref(`https://${outlet.domain}`) : null
  return (
    <Layout title={outlet.name}>
      <h1>{outlet.name}</h1>
      <dl class="facts">
        <Fact term="Kind">{outlet.kind ? KINDS[outlet.kind] : null}</Fact>
        <Fact term="Country">{outlet.country}</Fact>
        <Fact term="Web">{site ? <a href={site}>{outlet.domain}</a> : null}</Fact>
        <Fact term="Also called">{joined(outlet.aliases)}</Fact>
        <Fact term="Articles">{outlet.articleCount}</Fact>
      </dl>
      <QuoteList
        title="Statements it published"
        quotes={published}
        more={`/?outlet=${outlet.slug}`}
        none={`No article from ${outlet.name} is in the database yet.`}
      />
      <QuoteList
        title="Statements others cite it for"
        quotes={cited}
        more={`/?cited=${outlet.slug}`}
        none={`No outlet in the database cites ${outlet.name}.`}
      />
    </Layout>
  )
}
