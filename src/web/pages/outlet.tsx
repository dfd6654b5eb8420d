/**
 * An outlet's page (`/outlets/:slug`): what it published, and what other outlets cited it for.
 */
import type { ArticleListing, Outlet, Page } from '../../domain/types'
import type { QuoteSearchResult } from '../../services/quotes'
import { CitationList } from '../components/citation'
import { Fact, joined } from '../components/facts'
import { Pagination } from '../components/pagination'
import { safeHref, writtenDate } from '../format'
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

/** Articles, newest first: title (or address), date and how many statements each holds. */
function ArticleList({ articles }: { articles: ArticleListing[] }) {
  return (
    <ol class="articles" role="list">
      {articles.map((article) => (
        <li>
          <a href={`/articles/${article.id}`}>{article.title ?? article.url}</a>{' '}
          <span class="muted">
            · {writtenDate(article.published)} · {article.statementCount}{' '}
            {article.statementCount === 1 ? 'statement' : 'statements'}
          </span>
        </li>
      ))}
    </ol>
  )
}

const articlesPath = (outlet: Outlet) => `/outlets/${encodeURIComponent(outlet.slug)}/articles`

export function OutletPage({
  outlet,
  articles,
  published,
  cited,
}: {
  outlet: Outlet
  articles: Page<ArticleListing>
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
        <Fact term="Articles">
          {outlet.articleCount > 0 ? <a href={articlesPath(outlet)}>{outlet.articleCount}</a> : 0}
        </Fact>
      </dl>
      {articles.total > 0 ? (
        <section>
          <h2>
            Latest articles <span class="muted">({articles.total})</span>
          </h2>
          <ArticleList articles={articles.items} />
          {articles.total > articles.items.length ? (
            <p>
              <a href={articlesPath(outlet)}>All {articles.total} articles →</a>
            </p>
          ) : null}
        </section>
      ) : null}
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

/** Every article an outlet published, a page at a time (`/outlets/:slug/articles`). */
export function OutletArticlesPage({
  outlet,
  articles,
  params,
}: {
  outlet: Outlet
  articles: Page<ArticleListing>
  params: URLSearchParams
}) {
  return (
    <Layout title={`Articles by ${outlet.name}`}>
      <h1>
        Articles by <a href={`/outlets/${encodeURIComponent(outlet.slug)}`}>{outlet.name}</a>
      </h1>
      <p class="summary">
        {articles.total} {articles.total === 1 ? 'article' : 'articles'}, newest first
      </p>
      <ArticleList articles={articles.items} />
      <Pagination
        total={articles.total}
        offset={articles.offset}
        limit={articles.limit}
        params={params}
      />
    </Layout>
  )
}
