/**
 * The search page (`/`): one box, filters, facet counts that narrow the search when clicked,
 * results read as citations, pages, and a "nothing found" that says what to loosen. The URL holds
 * the whole search, so it can be shared and bookmarked.
 */
import type { Facet } from '../../domain/types'
import type { QuoteSearchResult } from '../../services/quotes'
import { CitationList } from '../components/citation'
import { ErrorNote } from '../components/error-note'
import { Pagination } from '../components/pagination'
import { withParams } from '../format'
import { Layout } from '../layout'

/** The search as the URL states it, values as typed (slugs or names). */
export interface SearchForm {
  q: string
  speaker: string[]
  outlet: string[]
  cited: string[]
  kind: string[]
  from: string
  to: string
  sort: string
}

export const PAGE_SIZE = 20

const FACET_TITLES = {
  speaker: 'Speaker',
  outlet: 'Reported by',
  cited: 'Cited outlet',
  kind: 'Kind',
  year: 'Year',
} as const

function FacetList({
  name,
  facet,
  params,
}: {
  name: keyof typeof FACET_TITLES
  facet: Facet
  params: URLSearchParams
}) {
  if (facet.values.length === 0) return null
  const current = params.getAll(name)
  return (
    <section aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{FACET_TITLES[name]}</h2>
      <ul>
        {facet.values.map((v) => {
          const href =
            name === 'year'
              ? withParams(
                  params,
                  v.selected ? { from: null, to: null } : { from: v.value, to: v.value },
                )
              : withParams(params, {
                  [name]: v.selected ? current.filter((c) => c !== v.value) : [...current, v.value],
                })
          return (
            <li class={v.selected ? 'selected' : undefined}>
              <a
                href={href}
                aria-current={v.selected ? 'true' : undefined}
                title={v.selected ? 'Selected: follow to remove' : undefined}
              >
                {v.selected ? '✓ ' : ''}
                {v.label}
              </a>
              <span class="count">{v.count}</span>
            </li>
          )
        })}
        {facet.truncated ? <li class="muted">…and more</li> : null}
      </ul>
    </section>
  )
}

/** A box for speakers or outlets by name or slug (comma-separated), with suggestions when scripts run. */
function NameFilter(props: {
  name: string
  label: string
  values: string[]
  suggest: 'speakers' | 'outlets'
  hint: string
}) {
  const list = `${props.name}-names`
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={props.values.join(', ')}
        list={list}
        data-suggest={props.suggest}
        autocomplete="off"
        placeholder={props.hint}
      />
      <datalist id={list}></datalist>
    </label>
  )
}

function Filters({ form }: { form: SearchForm }) {
  const anySet =
    form.speaker.length + form.outlet.length + form.cited.length + form.kind.length > 0 ||
    form.from ||
    form.to ||
    form.sort
  const kinds = [
    ['direct', 'Quotes'],
    ['partial', 'Quoted fragments'],
    ['paraphrase', 'Paraphrases'],
  ] as const
  return (
    <details class="filters" open={anySet ? true : undefined}>
      <summary>Filters</summary>
      <div class="filter-grid">
        <NameFilter
          name="speaker"
          label="Speaker"
          values={form.speaker}
          suggest="speakers"
          hint="name or slug"
        />
        <NameFilter
          name="outlet"
          label="Reported by"
          values={form.outlet}
          suggest="outlets"
          hint="outlet"
        />
        <NameFilter
          name="cited"
          label="Cited outlet"
          values={form.cited}
          suggest="outlets"
          hint="outlet named as source"
        />
        <label>
          Kind
          <select name="kind">
            <option value="">Any kind</option>
            {kinds.map(([value, label]) => (
              <option value={value} selected={form.kind.includes(value)}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input name="from" value={form.from} placeholder="2025 or 2025-02" inputmode="numeric" />
        </label>
        <label>
          To
          <input name="to" value={form.to} placeholder="2025-03-31" inputmode="numeric" />
        </label>
        <label>
          Order
          <select name="sort">
            <option value="">Best match first</option>
            <option value="newest" selected={form.sort === 'newest'}>
              Newest first
            </option>
            <option value="oldest" selected={form.sort === 'oldest'}>
              Oldest first
            </option>
          </select>
        </label>
      </div>
    </details>
  )
}

const SORT_WORDS = {
  relevance: 'best match first',
  newest: 'newest first',
  oldest: 'oldest first',
} as const

/** "No quotes", "1 quote", "9 quotes, best match first", "21–40 of 57 quotes, newest first". */
function resultSummary(result: QuoteSearchResult): string {
  const { total, offset, items } = result
  if (total === 0) return 'No quotes'
  if (items.length === 0) return `${total} ${total === 1 ? 'quote' : 'quotes'}, none on this page.`
  const count =
    total === 1
      ? '1 quote'
      : total === items.length
        ? `${total} quotes`
        : `${offset + 1}–${offset + items.length} of ${total} quotes`
  return `${count}, ${SORT_WORDS[result.query.sort]}`
}

/** What to try when nothing matched: drop a filter, search without filters, fewer words. */
function NothingFound({ form, params }: { form: SearchForm; params: URLSearchParams }) {
  const removable = (['speaker', 'outlet', 'cited', 'kind'] as const).flatMap((name) =>
    form[name].map((value) => ({
      label: `${name} “${value}”`,
      href: withParams(params, { [name]: form[name].filter((v) => v !== value) }),
    })),
  )
  if (form.from || form.to)
    removable.push({ label: 'the date range', href: withParams(params, { from: null, to: null }) })
  // Each word alone (quoted phrases kept whole), so a reader sees which word found nothing.
  const words = [...new Set(form.q.match(/"[^"]+"|[^\s"]+/g) ?? [])].slice(0, 6)
  return (
    <div class="nothing" role="status">
      <p>
        <strong>Nothing found.</strong> Every word must match, so try:
      </p>
      <ul>
        {removable.map((r) => (
          <li>
            removing <a href={r.href}>{r.label}</a>
          </li>
        ))}
        {removable.length > 0 && form.q ? (
          <li>
            <a href={withParams(new URLSearchParams(), { q: form.q })}>searching all quotes</a> for
            “{form.q}”
          </li>
        ) : null}
        {words.length > 1 ? (
          <li>
            fewer words:{' '}
            {words.map((word, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a href={withParams(params, { q: word })}>{word}</a>
              </>
            ))}
          </li>
        ) : null}
        <li>
          a claim in your own words on{' '}
          <a href={`/claims${withParams(new URLSearchParams(), { q: form.q })}`}>
            Who reported this?
          </a>
        </li>
      </ul>
    </div>
  )
}

export function SearchPage({
  form,
  result,
  params,
  error,
}: {
  form: SearchForm
  result: QuoteSearchResult | null
  params: URLSearchParams
  error: string | null
}) {
  const heading = form.q ? `Quotes matching “${form.q}”` : 'Search quotes'
  return (
    <Layout title={form.q || 'Search quotes'} current="search">
      <h1>{heading}</h1>
      <form class="search" method="get" action="/" role="search">
        <div class="main">
          <label for="q" class="skip">
            Words to find
          </label>
          <input
            id="q"
            type="search"
            name="q"
            value={form.q}
            placeholder="Words, a “phrase”, a name…"
            autocomplete="off"
          />
          <button type="submit">Search</button>
        </div>
        <Filters form={form} />
      </form>
      <ErrorNote error={error} />
      <div id="results">
        {result ? (
          <div class="layout">
            <aside class="facets" aria-label="Narrow the results">
              {(['speaker', 'outlet', 'cited', 'kind', 'year'] as const).map((name) => (
                <FacetList name={name} facet={result.facets[name]} params={params} />
              ))}
            </aside>
            <section aria-label="Results">
              <p class="summary" role="status">
                {resultSummary(result)}
                {result.items.length === 0 && result.total > 0 ? (
                  <>
                    {' '}
                    <a href={withParams(params, { offset: null })}>Back to the first page</a>
                  </>
                ) : null}
              </p>
              {result.query.corrections.length > 0 ? (
                <p class="corrections">
                  Searched for{' '}
                  {result.query.corrections.map((c, i) => (
                    <>
                      {i > 0 ? ', ' : ''}
                      <strong>{c.alternatives.join(' or ')}</strong> instead of “{c.word}”
                    </>
                  ))}
                  .
                </p>
              ) : null}
              {result.total === 0 ? (
                <NothingFound form={form} params={params} />
              ) : (
                <CitationList quotes={result.items} />
              )}
              <Pagination
                total={result.total}
                offset={result.offset}
                limit={PAGE_SIZE}
                params={params}
              />
            </section>
          </div>
        ) : null}
      </div>
    </Layout>
  )
}
