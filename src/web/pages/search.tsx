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
import { QUOTE_KINDS, type QuoteKind } from '../../domain/vocabulary'
import { KIND_NAMES, shortened, withParams } from '../format'
import { LIMITS } from '../../search/options'
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
      <ul role="list">
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
                {v.selected ? <span aria-hidden="true">✓ </span> : null}
                {name === 'kind' ? (KIND_NAMES[v.value as QuoteKind]?.many ?? v.label) : v.label}
                {v.selected ? (
                  <span class="visually-hidden"> (selected; follow to remove)</span>
                ) : null}
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
  // The default order depends on the words: best match with them, newest without. The default
  // option says both, and stays the default when words are added.
  const sort = form.sort
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
            {QUOTE_KINDS.map((kind) => (
              <option value={kind} selected={form.kind.includes(kind)}>
                {KIND_NAMES[kind].many}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input name="from" value={form.from} placeholder="e.g. 2025 or 2025-02" />
        </label>
        <label>
          To
          <input name="to" value={form.to} placeholder="e.g. 2025-03" />
        </label>
        <label>
          Order
          <select name="sort">
            <option value="">Best match first (newest without words)</option>
            <option value="relevance" selected={sort === 'relevance'}>
              Best match first
            </option>
            <option value="newest" selected={sort === 'newest'}>
              Newest first
            </option>
            <option value="oldest" selected={sort === 'oldest'}>
              Oldest first
            </option>
          </select>
        </label>
      </div>
      <p class="filter-actions">
        <button type="submit">Apply filters</button>
        {anySet ? (
          <a href={withParams(new URLSearchParams(), { q: form.q || null })}>Clear filters</a>
        ) : null}
      </p>
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

/**
 * What to try when nothing matched: drop a filter, search without filters, drop a word, or ask
 * "who reported this?". Filters are named as the facets name them.
 */
function NothingFound({
  form,
  params,
  names,
}: {
  form: SearchForm
  params: URLSearchParams
  names: Record<string, string>
}) {
  const removable = (['speaker', 'outlet', 'cited'] as const).flatMap((name) =>
    form[name].map((value) => ({
      label: `${FACET_TITLES[name].toLowerCase()}: ${names[value] ?? value}`,
      href: withParams(params, { [name]: form[name].filter((v) => v !== value) }),
    })),
  )
  for (const kind of form.kind) {
    removable.push({
      label: `kind: ${KIND_NAMES[kind as QuoteKind]?.many.toLowerCase() ?? kind}`,
      href: withParams(params, { kind: form.kind.filter((k) => k !== kind) }),
    })
  }
  if (form.from || form.to)
    removable.push({ label: 'the dates', href: withParams(params, { from: null, to: null }) })
  // The query without each wanted word or phrase in turn, so a reader sees which one found nothing.
  const clauses = [...new Set(form.q.match(/-?"[^"]*"?|\S+/g) ?? [])]
  const wanted = clauses.filter((c) => !c.startsWith('-'))
  const withoutEach =
    wanted.length > 1
      ? wanted.slice(0, 8).map((word) => ({ word, q: clauses.filter((c) => c !== word).join(' ') }))
      : []
  return (
    <div class="nothing" role="status">
      <p>
        <strong>Nothing found.</strong>{' '}
        {form.q
          ? 'Every word must match, and every filter. Try:'
          : 'No quote passes every filter. Try:'}
      </p>
      <ul>
        {removable.map((r) => (
          <li>
            removing <a href={r.href}>{r.label}</a>
          </li>
        ))}
        {removable.length > 1 && form.q ? (
          <li>
            <a href={withParams(new URLSearchParams(), { q: form.q })}>searching all quotes</a> for
            “{form.q}”
          </li>
        ) : null}
        {withoutEach.length > 0 ? (
          <li>
            leaving out a word:{' '}
            {withoutEach.map(({ word, q }, i) => (
              <>
                {i > 0 ? ' · ' : ''}
                <a href={withParams(params, { q })}>without {word}</a>
              </>
            ))}
          </li>
        ) : null}
        {form.q ? (
          <li>
            a claim in your own words on{' '}
            <a href={`/claims${withParams(new URLSearchParams(), { q: form.q })}`}>
              Who reported this?
            </a>
          </li>
        ) : null}
      </ul>
    </div>
  )
}

export function SearchPage({
  form,
  result,
  params,
  error,
  names = {},
  fix,
}: {
  form: SearchForm
  result: QuoteSearchResult | null
  params: URLSearchParams
  error: string | null
  /** Names of the speakers and outlets in the filters, by slug, for "nothing found". */
  names?: Record<string, string>
  /** A link that fixes the error, such as the search without a name that names nothing. */
  fix?: { label: string; href: string }
}) {
  const heading = form.q ? `Quotes matching “${shortened(form.q)}”` : 'Search quotes'
  return (
    <Layout title={form.q ? shortened(form.q, 60) : 'Search quotes'} current="search">
      <h1>{heading}</h1>
      <form class="search" method="get" action="/" role="search">
        <div class="main">
          <label for="q" class="visually-hidden">
            Words to find
          </label>
          <input
            id="q"
            type="search"
            name="q"
            value={form.q}
            maxlength={LIMITS.queryLength}
            placeholder="Words, a “phrase”, a name…"
            autocomplete="off"
          />
          <button type="submit">Search</button>
        </div>
        <Filters form={form} />
      </form>
      <div id="results">
        <ErrorNote error={error} fix={fix} />
        {result ? (
          <div class={result.total === 0 ? 'layout empty' : 'layout'}>
            <a class="skip" href="#result-list">
              Skip to the results
            </a>
            <aside class="facets" id="facets" aria-label="Narrow the results">
              {(['speaker', 'outlet', 'cited', 'kind', 'year'] as const).map((name) => (
                <FacetList name={name} facet={result.facets[name]} params={params} />
              ))}
            </aside>
            <section aria-label="Results" id="result-list">
              {result.total > 0 ? (
                <a class="to-facets" href="#facets">
                  Narrow the results ↓
                </a>
              ) : null}
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
                <NothingFound form={form} params={params} names={names} />
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
