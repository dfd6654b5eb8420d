/**
 * What every search filters, counts and orders by, in memory: for each quote its speaker, cited
 * outlet, kind, article and place in the article; for each article its outlet and publication
 * period. Typed arrays indexed by id.
 *
 * A search's match set can hold a tenth of a million quotes; reading their speakers and outlets
 * from SQLite costs about a microsecond a row, from these arrays a few nanoseconds. So filters,
 * totals, facet counts and date order are computed here, in one pass over the match set, and
 * SQLite is asked only for the text match and the rows of one page. Derived from SQLite at start
 * and after every write; never the only copy.
 */
import type {
  ArticleFactColumns,
  QuoteFactColumns,
  QuoteSort,
  SpeakerFactColumns,
} from '../domain/store'

export const KIND_CODES = { direct: 1, partial: 2, paraphrase: 3 } as const
export const KINDS_BY_CODE = [undefined, 'direct', 'partial', 'paraphrase'] as const

/** Filters as ids and day numbers; an empty list or null puts no limit. */
export interface FactFilters {
  speakers: number[]
  outlets: number[]
  cited: number[]
  kinds: number[]
  fromDay: number | null
  toDay: number | null
  /** Only unnamed sources' statements (true) or named speakers' (false); null for all. */
  anonymous: boolean | null
}

/** A facet's counts: `[value, count]` pairs, most frequent first (ties by value). */
export type ValueCounts = Array<[value: number, count: number]>

/** Counts per value of each facet, over the quotes passing every filter but the facet's own. */
export interface FactCounts {
  speaker: ValueCounts
  outlet: ValueCounts
  cited: ValueCounts
  kind: ValueCounts
  year: ValueCounts
  /** 1: by an unnamed source, 0: by a named speaker (statements without a speaker in neither). */
  anonymous: ValueCounts
}

const DAY_MS = 86_400_000

/** The day number of an ISO day (`YYYY-MM-DD`). */
export const dayNumber = (isoDay: string) => Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS)

/** The non-zero counts of a counter array, most frequent first. */
function valueCounts(counter: Int32Array, offset = 0): ValueCounts {
  const pairs: ValueCounts = []
  for (let value = 0; value < counter.length; value++) {
    if (counter[value]! > 0) pairs.push([value + offset, counter[value]!])
  }
  return pairs.sort((a, b) => b[1] - a[1] || a[0] - b[0])
}

/** A typed array at least `size` long holding `old`'s values. */
function grown<T extends Int32Array | Uint8Array>(old: T, size: number, make: (n: number) => T): T {
  if (size <= old.length) return old
  const next = make(Math.max(size, old.length * 2, 1024))
  next.set(old)
  return next
}

export class QuoteFacts {
  /** 0 where no quote has the id (never written, or deleted). */
  #kind = new Uint8Array(0)
  #speaker = new Int32Array(0)
  #cited = new Int32Array(0)
  #article = new Int32Array(0)
  #start = new Int32Array(0)
  #outlet = new Int32Array(0)
  #firstDay = new Int32Array(0)
  #lastDay = new Int32Array(0)
  #year = new Int32Array(0)
  /** 1 for an unnamed source, by speaker id. */
  #anonymous = new Uint8Array(0)
  #maxId = 0
  #lastArticle = 0
  #count = 0
  // The largest values seen, to size the counters of a search.
  #maxSpeaker = 0
  #maxOutlet = 0
  #minYear = Infinity
  #maxYear = -Infinity

  /** The largest quote id the facts hold. */
  get lastQuoteId(): number {
    return this.#maxId
  }

  /** The largest article id the facts hold. */
  get lastArticleId(): number {
    return this.#lastArticle
  }

  /** How many quotes the facts describe. */
  get size(): number {
    return this.#count
  }

  /** Records (or replaces) the facts of some articles. */
  setArticles(columns: ArticleFactColumns): void {
    let top = 0
    for (const id of columns.ids) top = Math.max(top, id)
    this.#outlet = grown(this.#outlet, top + 1, (n) => new Int32Array(n))
    this.#firstDay = grown(this.#firstDay, top + 1, (n) => new Int32Array(n))
    this.#lastDay = grown(this.#lastDay, top + 1, (n) => new Int32Array(n))
    this.#year = grown(this.#year, top + 1, (n) => new Int32Array(n))
    for (let i = 0; i < columns.ids.length; i++) {
      const id = columns.ids[i]!
      this.#outlet[id] = columns.outlets[i]!
      this.#firstDay[id] = columns.firstDays[i]!
      this.#lastDay[id] = columns.lastDays[i]!
      this.#year[id] = columns.years[i]!
      this.#lastArticle = Math.max(this.#lastArticle, id)
      this.#maxOutlet = Math.max(this.#maxOutlet, columns.outlets[i]!)
      this.#minYear = Math.min(this.#minYear, columns.years[i]!)
      this.#maxYear = Math.max(this.#maxYear, columns.years[i]!)
    }
  }

  /** Records (or replaces) the facts of some quotes; their articles must be recorded first. */
  setQuotes(columns: QuoteFactColumns): void {
    let top = 0
    for (const id of columns.ids) top = Math.max(top, id)
    this.#kind = grown(this.#kind, top + 1, (n) => new Uint8Array(n))
    this.#speaker = grown(this.#speaker, top + 1, (n) => new Int32Array(n))
    this.#cited = grown(this.#cited, top + 1, (n) => new Int32Array(n))
    this.#article = grown(this.#article, top + 1, (n) => new Int32Array(n))
    this.#start = grown(this.#start, top + 1, (n) => new Int32Array(n))
    for (let i = 0; i < columns.ids.length; i++) {
      const id = columns.ids[i]!
      if (this.#kind[id] === 0) this.#count++
      this.#kind[id] = columns.kinds[i]!
      this.#speaker[id] = columns.speakers[i]!
      this.#cited[id] = columns.cited[i]!
      this.#article[id] = columns.articles[i]!
      this.#start[id] = columns.starts[i]!
      this.#maxSpeaker = Math.max(this.#maxSpeaker, columns.speakers[i]!)
      this.#maxOutlet = Math.max(this.#maxOutlet, columns.cited[i]!)
    }
    this.#maxId = Math.max(this.#maxId, top)
  }

  /** Forgets quotes that were deleted. */
  removeQuotes(ids: Iterable<number>): void {
    for (const id of ids) {
      if (id < this.#kind.length && this.#kind[id] !== 0) {
        this.#kind[id] = 0
        this.#count--
      }
    }
  }

  /** Records which speakers are unnamed sources (after a load or a change to them). */
  setSpeakers(columns: SpeakerFactColumns): void {
    const { ids, anonymous } = columns
    const largest = ids.reduce((max, id) => Math.max(max, id), 0)
    this.#anonymous = grown(this.#anonymous, largest + 1, (n) => new Uint8Array(n))
    for (let i = 0; i < ids.length; i++) this.#anonymous[ids[i]!] = anonymous[i]! === 1 ? 1 : 0
  }

  /** Whether a speaker is an unnamed source. */
  isAnonymous(speaker: number): boolean {
    return speaker < this.#anonymous.length && this.#anonymous[speaker] === 1
  }

  /** The speaker of a quote (0: none, or no such quote). */
  speakerOf(id: number): number {
    return id < this.#speaker.length ? this.#speaker[id]! : 0
  }

  /** The ids of every quote by one of these speakers, in ascending order. */
  idsOfSpeakers(speakers: readonly number[]): Int32Array {
    const wanted = new Uint8Array(this.#maxSpeaker + 1)
    for (const speaker of speakers) if (speaker <= this.#maxSpeaker) wanted[speaker] = 1
    const ids: number[] = []
    for (let id = 1; id <= this.#maxId; id++) {
      if (this.#kind[id] !== 0 && wanted[this.#speaker[id]!] === 1) ids.push(id)
    }
    return Int32Array.from(ids)
  }

  /** The ids of every quote, in ascending order. */
  allIds(): Int32Array {
    const ids = new Int32Array(this.#count)
    let n = 0
    for (let id = 1; id <= this.#maxId; id++) if (this.#kind[id] !== 0) ids[n++] = id
    return ids.subarray(0, n)
  }

  /**
   * One pass over `ids`: those passing every filter, and each facet's counts over the quotes
   * passing every other filter — so a facet with a value selected still shows the values one may
   * add to it.
   */
  count(ids: Int32Array, filters: FactFilters): { passing: Int32Array; counts: FactCounts } {
    const speakers = new Set(filters.speakers)
    const outlets = new Set(filters.outlets)
    const cited = new Set(filters.cited)
    const kinds = new Set(filters.kinds)
    const fromDay = filters.fromDay ?? -Infinity
    const toDay = filters.toDay ?? Infinity
    // Counters indexed by value: a typed-array increment costs a fraction of a Map update.
    const bySpeaker = new Int32Array(this.#maxSpeaker + 1)
    const byOutlet = new Int32Array(this.#maxOutlet + 1)
    const byCited = new Int32Array(this.#maxOutlet + 1)
    const byKind = new Int32Array(KINDS_BY_CODE.length)
    const byAnonymous = new Int32Array(2)
    const unnamed = this.#anonymous
    const wantAnonymous = filters.anonymous === null ? -1 : filters.anonymous ? 1 : 0
    const minYear = Number.isFinite(this.#minYear) ? this.#minYear : 0
    const byYear = new Int32Array(Math.max(0, this.#maxYear - minYear) + 1)
    const passing = new Int32Array(ids.length)
    let passed = 0
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!
      const kind = id < this.#kind.length ? this.#kind[id]! : 0
      if (kind === 0) continue
      const article = this.#article[id]!
      const speaker = this.#speaker[id]!
      const outlet = this.#outlet[article]!
      const citedOutlet = this.#cited[id]!
      // Each filter's verdict; a facet counts the quotes every other filter lets through.
      const s = speakers.size === 0 || speakers.has(speaker)
      const o = outlets.size === 0 || outlets.has(outlet)
      const c = cited.size === 0 || cited.has(citedOutlet)
      const k = kinds.size === 0 || kinds.has(kind)
      const d = this.#lastDay[article]! >= fromDay && this.#firstDay[article]! <= toDay
      // Unnamed (1), named (0), or no speaker at all (-1, in neither).
      const source = speaker === 0 ? -1 : speaker < unnamed.length ? unnamed[speaker]! : 0
      const a = wantAnonymous === -1 || source === wantAnonymous
      const failures =
        (s ? 0 : 1) + (o ? 0 : 1) + (c ? 0 : 1) + (k ? 0 : 1) + (d ? 0 : 1) + (a ? 0 : 1)
      if (failures > 1) continue
      if (failures === 0) passing[passed++] = id
      if (o && c && k && d && a && speaker !== 0) bySpeaker[speaker]!++
      if (s && c && k && d && a) byOutlet[outlet]!++
      if (s && o && k && d && a && citedOutlet !== 0) byCited[citedOutlet]!++
      if (s && o && c && d && a) byKind[kind]!++
      // Years within the date range alone: a year outside it cannot be added to it.
      if (s && o && c && k && a && d) byYear[this.#year[article]! - minYear]!++
      if (s && o && c && k && d && source !== -1) byAnonymous[source]!++
    }
    return {
      passing: passing.subarray(0, passed),
      counts: {
        speaker: valueCounts(bySpeaker),
        outlet: valueCounts(byOutlet),
        cited: valueCounts(byCited),
        kind: valueCounts(byKind),
        year: valueCounts(byYear, minYear),
        anonymous: valueCounts(byAnonymous),
      },
    }
  }

  /**
   * A page of `ids` in date order: newest (or oldest) publication first, then by article, then
   * in the order the quotes stand in their article.
   */
  byDate(
    ids: Int32Array,
    sort: Exclude<QuoteSort, 'relevance'>,
    offset: number,
    limit: number,
  ): number[] {
    const wanted = offset + limit
    const newest = sort === 'newest' ? 1 : -1
    const [firstDay, lastDay] = [this.#firstDay, this.#lastDay]
    const [article, start] = [this.#article, this.#start]
    // By the day by which each was surely published, the end of its date's range (a month-only
    // date is not before every day of its month); on the same day, by the start of the range.
    const compare = (a: number, b: number) => {
      const articleA = article[a]!
      const articleB = article[b]!
      return (
        newest * (lastDay[articleB]! - lastDay[articleA]!) ||
        newest * (firstDay[articleB]! - firstDay[articleA]!) ||
        newest * (articleB - articleA) ||
        start[a]! - start[b]! ||
        a - b
      )
    }
    if (wanted >= ids.length / 4) return Array.from(ids).sort(compare).slice(offset, wanted)
    // The first `wanted` in order, kept sorted as the ids stream past. They are visited from the
    // end the order starts at: an archive imported in date order then fills the list with the
    // answer early, and most ids are refused by one comparison.
    const best: number[] = []
    for (let k = 0; k < ids.length; k++) {
      const id = sort === 'newest' ? ids[ids.length - 1 - k]! : ids[k]!
      if (best.length === wanted && compare(id, best[wanted - 1]!) >= 0) continue
      let [low, high] = [0, best.length]
      while (low < high) {
        const middle = (low + high) >> 1
        if (compare(best[middle]!, id) <= 0) low = middle + 1
        else high = middle
      }
      best.splice(low, 0, id)
      if (best.length > wanted) best.pop()
    }
    return best.slice(offset)
  }
}
