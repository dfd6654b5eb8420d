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
import { KIND_NAMES, kindsCalled, shortened, withParams } from '../format'
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
  /** "true", "false" or empty. */
  anonymous: string
  /** "true" for words only as typed. */
  exact: string
  sort: string
  facetSize: string
}

export const PAGE_SIZE = 20

/** What the parts of the search page are drawn from: the form, the address, names by slug. */
interface SearchView {
  form: SearchForm
  params: URLSearchParams
  names: Record<string, string>
}

const FACET_TITLES = {
  speaker: 'Speaker',
  outlet: 'Reported by',
  cited: 'Cited outlet',
  kind: 'Kind',
  year: 'Year',
  anonymous: 'Source',
} as const

/** A speaker's or outlet's name by slug, or the value itself ("toString" is no slug here). */
const nameOf = (names: Record<string, string>, value: string) =>
  Object.hasOwn(names, value) ? names[value]! : value

/** How a value of the speaker facet standing for several unnamed sources reads. */
function facetLabel(name: keyof typeof FACET_TITLES, value: string, label: string): string {
  if (name === 'kind') return kindsCalled(value) ?? label
  const alike = value.split(',').length
  return alike > 1 ? `${label} (${alike} sources)` : label
}

function FacetList({
  name,
  facet,
  form,
  params,
}: {
  name: keyof typeof FACET_TITLES
  facet: Facet
  form: SearchForm
  params: URLSearchParams
}) {
  const range = name === 'year' && (form.from || form.to) ? dateRange(form) : null
  if (facet.values.length === 0 && range === null) return null
  return (
    <section aria-labelledby={`facet-${name}`}>
      <h2 id={`facet-${name}`}>{FACET_TITLES[name]}</h2>
      {range ? (
        <p class="range">
          {range} · <a href={withParams(params, { from: null, to: null })}>any date</a>
        </p>
      ) : null}
      <ul role="list">
        {facet.values.map((v) => (
          <li class={v.selected ? 'selected' : undefined}>
            <a
              href={v.toggle}
              aria-current={v.selected ? 'true' : undefined}
              title={v.selected ? 'Selected: follow to remove' : undefined}
            >
              {v.selected ? <span aria-hidden="true">✓ </span> : null}
              {facetLabel(name, v.value, v.label)}
              {v.selected ? (
                <span class="visually-hidden"> (selected; follow to remove)</span>
              ) : null}
            </a>
            <span class="count">{v.count}</span>
          </li>
        ))}
        {facet.truncated && facet.more ? (
          <li>
            <a href={facet.more} class="more">
              More {FACET_TITLES[name].toLowerCase()} values…
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  )
}

/** The active date range in words: "2025", "2023 to 2025", "from 2024-03", "until 2025". */
function dateRange({ from, to }: SearchForm): string {
  if (from && to) return from === to ? from : `${from} to ${to}`
  return from ? `from ${from}` : `until ${to}`
}

/** A box for speakers or outlets by name or slug (comma-separated), with suggestions when scripts run. */
function NameFilter(props: {
  name: string
  label: string
  values: string[]
  suggest: 'speakers' | 'outlets'
  hint: string
  /** Names by slug: the box shows names, which the page reads as well as slugs. */
  names: Record<string, string>
}) {
  const list = `${props.name}-names`
  return (
    <label>
      {props.label}
      <input
        name={props.name}
        value={[...new Set(props.values.map((v) => nameOf(props.names, v)))].join(', ')}
        list={list}
        data-suggest={props.suggest}
        autocomplete="off"
        placeholder={props.hint}
      />
      <datalist id={list}></datalist>
    </label>
  )
}

/**
 * The filter panel: closed until asked for, so that the results come first on a phone; how many
 * filters are active is said on it, and each is listed above the results (`ActiveFilters`).
 */
function Filters({ form, params, names }: SearchView) {
  const active = activeFilters(form, params, names).length
  const anySet = active > 0 || form.sort
  // The default order depends on the words: best match with them, newest without. The default
  // option says both, and stays the default when words are added.
  const sort = form.sort
  return (
    <details class="filters">
      <summary>Filters{active > 0 ? ` (${active} active)` : ''}</summary>
      <div class="filter-grid">
        <NameFilter
          name="speaker"
          label="Speaker"
          values={form.speaker}
          suggest="speakers"
          hint="name"
          names={names}
        />
        <NameFilter
          name="outlet"
          label="Reported by"
          values={form.outlet}
          suggest="outlets"
          hint="outlet"
          names={names}
        />
        <NameFilter
          name="cited"
          label="Cited outlet"
          values={form.cited}
          suggest="outlets"
          hint="outlet named as source"
          names={names}
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
          Source
          <select name="anonymous">
            <option value="">Named and unnamed</option>
            <option value="true" selected={form.anonymous === 'true'}>
              Unnamed sources only
            </option>
            <option value="false" selected={form.anonymous === 'false'}>
              Named speakers only
            </option>
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
        <label class="exact">
          <span>
            <input type="checkbox" name="exact" value="true" checked={form.exact === 'true'} />{' '}
            Exact words only
          </span>
        </label>
        <label class="order">
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

/**
 * The active filters, each named as the facets name it, with the address of the search without
 * it: listed above the results, and offered as what to loosen when nothing is found.
 */
function activeFilters(
  form: SearchForm,
  params: URLSearchParams,
  names: Record<string, string>,
): Array<{ label: string; href: string }> {
  // Values shown by one name (unnamed sources described alike) are one filter.
  const active = (['speaker', 'outlet', 'cited'] as const).flatMap((name) => {
    const byLabel = new Map<string, string[]>()
    for (const value of form[name]) {
      const label = nameOf(names, value)
      byLabel.set(label, [...(byLabel.get(label) ?? []), value])
    }
    return [...byLabel].map(([label, values]) => ({
      label: `${FACET_TITLES[name].toLowerCase()}: ${label}`,
      href: withParams(params, { [name]: form[name].filter((v) => !values.includes(v)) }),
    }))
  })
  for (const kind of form.kind) {
    active.push({
      label: `kind: ${kindsCalled(kind)?.toLowerCase() ?? kind}`,
      href: withParams(params, { kind: form.kind.filter((k) => k !== kind) }),
    })
  }
  if (form.from || form.to) {
    active.push({
      label: `dates: ${dateRange(form)}`,
      href: withParams(params, { from: null, to: null }),
    })
  }
  if (form.anonymous) {
    active.push({
      label: form.anonymous === 'true' ? 'unnamed sources only' : 'named speakers only',
      href: withParams(params, { anonymous: null }),
    })
  }
  if (form.exact === 'true') {
    active.push({ label: 'exact words only', href: withParams(params, { exact: null }) })
  }
  return active
}

/** The active filters above the results, each with a link that removes it. */
function ActiveFilters({ form, params, names }: SearchView) {
  const chips = activeFilters(form, params, names)
  if (chips.length === 0) return null
  return (
    <ul class="active-filters" aria-label="Active filters">
      {chips.map((chip) => (
        <li>
          {chip.label}{' '}
          <a href={chip.href} aria-label={`Remove ${chip.label}`}>
            ✕
          </a>
        </li>
      ))}
    </ul>
  )
}

/**
 * How the words were read, when not simply as typed: partial matches, common words left out,
 * speakers recognised, other forms found.
 */
function QueryNotes({ query }: { query: QuoteSearchResult['query'] }) {
  const notes = []
  if (query.mode === 'partial') {
    notes.push(
      <p class="partial" role="note">
        <strong>No quote holds all {query.matched.wanted} words.</strong> Those holding{' '}
        {query.matched.held} of them come first, then those holding fewer.
      </p>,
    )
  }
  if (query.speakers.length > 0) {
    notes.push(
      <p>
        Statements by{' '}
        {query.speakers.map((s, i) => (
          <>
            {i > 0 ? ', ' : ''}
            <a href={`/speakers/${encodeURIComponent(s.slug)}`}>{s.name}</a>
          </>
        ))}{' '}
        first.
      </p>,
    )
  }
  if (query.forms.length > 0) {
    notes.push(
      <p>
        Also found:{' '}
        {query.forms.map((f, i) => (
          <>
            {i > 0 ? '; ' : ''}
            {f.forms.join(', ')} (for “{f.word}”)
          </>
        ))}
        .
      </p>,
    )
  }
  if (query.dropped.length > 0) {
    notes.push(<p>Common words left out: {query.dropped.join(', ')}.</p>)
  }
  return notes.length > 0 ? <div class="query-notes">{notes}</div> : null
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
function NothingFound({ form, params, names }: SearchView) {
  const removable = activeFilters(form, params, names)
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
          ? 'No quote holds these words and passes every filter. Try:'
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

/**
 * The page's title says what it shows: the words, the speaker or outlet filtered to, or the
 * newest quotes.
 */
function pageTitle(
  form: SearchForm,
  result: QuoteSearchResult | null,
  names: Record<string, string>,
): string {
  const who = [...form.speaker, ...form.outlet, ...form.cited].map((v) => nameOf(names, v))
  const by = who.length > 0 ? ` — ${shortened(who.join(', '), 40)}` : ''
  if (form.q) {
    const count = result ? ` (${result.total} ${result.total === 1 ? 'quote' : 'quotes'})` : ''
    return `“${shortened(form.q, 60)}”${by}${count}`
  }
  if (who.length > 0) return `Quotes${by}`
  return activeFilters(form, new URLSearchParams(), names).length > 0
    ? 'Quotes, filtered'
    : 'Newest quotes'
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
    <Layout title={pageTitle(form, result, names)} current="search">
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
        <Filters form={form} params={params} names={names} />
      </form>
      <div id="results">
        <ErrorNote error={error} fix={fix} />
        {result ? (
          <div class={result.total === 0 ? 'layout empty' : 'layout'}>
            <a class="skip" href="#result-list">
              Skip to the results
            </a>
            <aside class="facets" id="facets" aria-label="Narrow the results">
              {(['speaker', 'outlet', 'cited', 'kind', 'anonymous', 'year'] as const).map(
                (name) => (
                  <FacetList name={name} facet={result.facets[name]} form={form} params={params} />
                ),
              )}
            </aside>
            <section aria-label="Results" id="result-list">
              {result.total > 0 ? (
                <a class="to-facets" href="#facets">
                  Narrow the results ↓
                </a>
              ) : null}
              <ActiveFilters form={form} params={params} names={names} />
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
              <QueryNotes query={result.query} />
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
