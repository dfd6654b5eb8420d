/**
 * The store: everything the services need from storage, and the only place SQL lives. Methods
 * return promises even where the SQLite store answers synchronously, so that a PostgreSQL store can
 * implement the same interface.
 */
import type {
  ArticleRecord,
  Bundle,
  BundleSummary,
  OutletRecord,
  QuoteRecord,
  SpeakerRecord,
} from './bundle'
import type {
  Article,
  ArticleListing,
  Counts,
  FacetName,
  Outlet,
  Page,
  QuoteResult,
  Speaker,
  SpeakerDetail,
} from './types'
import type { QuoteKind } from './vocabulary'
import type { SearchClause } from '../search/query'

export type QuoteSort = 'relevance' | 'newest' | 'oldest'

/** Filters on quotes; values of one filter are alternatives (OR), filters combine (AND). */
export interface QuoteFilters {
  /** Speaker slugs. */
  speakers: string[]
  /** Reporting outlet slugs. */
  outlets: string[]
  /** Cited outlet slugs. */
  cited: string[]
  kinds: QuoteKind[]
  /** First and last day (`YYYY-MM-DD`, inclusive) that the article's publication may overlap. */
  from: string | null
  to: string | null
  /** Only statements by unnamed sources (true), or by named speakers (false); null for all. */
  anonymous: boolean | null
}

export interface QuoteCriteria {
  /** The words and phrases to match (see `search/query.ts`); null to browse. */
  clauses: SearchClause[] | null
  filters: QuoteFilters
  sort: QuoteSort
  limit: number
  offset: number
  /** How many values each facet lists. */
  facetSize: number
}

/** A facet's values as stored: counts over the whole match set, most frequent first. */
export interface StoredFacet {
  values: Array<{ value: string; label: string; count: number }>
  truncated: boolean
}

export interface QuoteMatch {
  quote: QuoteResult
  /** The text with its raw match markers (see `SNIPPET` in search options); null when browsing. */
  snippet: string | null
}

/**
 * How the words matched: every quote found holds every word (`all`), or none held them all and
 * those holding the most, `wordsHeld` of `wordsWanted`, were found instead (`partial`).
 */
export interface MatchMode {
  mode: 'all' | 'partial'
  wordsHeld: number
  wordsWanted: number
}

export interface QuoteMatches extends MatchMode {
  total: number
  items: QuoteMatch[]
  facets: Record<FacetName, StoredFacet>
}

/** A statement that may carry a claim, with what the claim's words are compared against. */
export interface ClaimCandidate {
  quote: QuoteResult
  /** How well it matches: lower is better. */
  rank: number
  /** The words the statement can be found by: its text, speaker names and title, outlet names. */
  searchableText: string
}

/** A word of a loose match, a prefix where it says so. */
export interface WordTerm {
  word: string
  prefix: boolean
}

/**
 * A loose match, as a claim in the user's words is looked for: a statement holding any of `terms`
 * — and, when `required` is given, one of those too.
 */
export interface AnyWordMatch {
  terms: WordTerm[]
  required: WordTerm[] | null
}

/** An indexed word and the number of quotes it occurs in. */
export interface VocabularyEntry {
  term: string
  documents: number
}

/** What the name index holds of one speaker or outlet. */
export interface NameDocument {
  kind: 'speaker' | 'outlet'
  id: number
  slug: string
  name: string
  aliases: string[]
  /** Titles and descriptions: words that describe rather than name ("defense minister"). */
  titles: string[]
  /** An unnamed source, its name a description ("a U.S. official"); always false for outlets. */
  anonymous: boolean
}

/** A stored outlet by every name it goes by, for matching imported names to it. */
export interface DirectoryOutlet {
  id: number
  slug: string
  name: string
  domain: string | null
  aliases: string[]
}

/** A stored speaker by every name it goes by. */
export interface DirectorySpeaker {
  id: number
  slug: string
  name: string
  wikidataId: string | null
  anonymous: boolean
  aliases: string[]
}

/** A stored record that changed: as the directory knew it, and as it is now (null: new, or gone). */
export type Restatement =
  | { kind: 'outlet'; before: DirectoryOutlet | null; after: DirectoryOutlet | null }
  | { kind: 'speaker'; before: DirectorySpeaker | null; after: DirectorySpeaker | null }

/** Every stored outlet and speaker by name: what entity resolution starts from. */
export interface EntityDirectory {
  outlets: DirectoryOutlet[]
  speakers: DirectorySpeaker[]
  /**
   * The records that changed since the directory was first read, in order (the lists above have
   * taken them in already): what a resolver built on the directory earlier catches up with.
   */
  restated?: Restatement[]
}

/** What a write added: counts, and the keys of the new records. */
export interface BundleWrite {
  summary: BundleSummary
  outlets: string[]
  speakers: string[]
  articles: string[]
  quoteIds: number[]
  /** Quotes of the bundle that were already stored, by id. */
  existingQuoteIds: number[]
  /** Speakers given their Wikidata id (see `Bundle.identities`), by slug. */
  identified: string[]
}

/** A stored article's text, to check quotes against. */
export interface StoredArticle {
  body: string | null
}

/**
 * What an import needs inside its write: what entity resolution reads, and the bundle writer.
 * Nothing is visible to anyone else until the write commits.
 */
export interface ImportSession {
  /** Every stored outlet and speaker by name (those written earlier in the session included). */
  directory(): Promise<EntityDirectory>
  /** The stored articles among `urls`, by url. */
  articles(urls: string[]): Promise<Map<string, StoredArticle>>
  /** Writes resolved, checked records; records already stored are kept as they are. */
  writeBundle(bundle: Bundle): Promise<BundleWrite>
}

/** Fields of an outlet to change; `aliases` replaces the list. */
export type OutletChanges = Partial<Omit<OutletRecord, 'slug'>>

/** Fields of a speaker to change; `aliases` replaces the list. */
export type SpeakerChanges = Partial<Omit<SpeakerRecord, 'slug'>>

/**
 * Fields of a quote to change, already checked against its article; speaker and outlet by slug.
 * The extraction evidence is the extractor's alone.
 */
export type QuoteChanges = Partial<Omit<QuoteRecord, 'article' | 'extraction'>>

/** A quote as a change to it must be checked: its text and offsets, and its article's body. */
export interface QuoteForChange {
  text: string
  start: number | null
  end: number | null
  body: string | null
}

/** Quote facts in columns, as the store reads them (kind: 1 direct, 2 partial, 3 paraphrase). */
export interface QuoteFactColumns {
  ids: Int32Array
  speakers: Int32Array
  cited: Int32Array
  articles: Int32Array
  kinds: Int32Array
  /** Offset of the quote in its article's text; -1 when unknown. */
  starts: Int32Array
}

/** Speaker facts in columns: whether each is an unnamed source (1) or not (0). */
export interface SpeakerFactColumns {
  ids: Int32Array
  anonymous: Int32Array
}

/** Article facts in columns. Days are counted from 1970-01-01. */
export interface ArticleFactColumns {
  ids: Int32Array
  outlets: Int32Array
  /** First and last day of the publication period (a month-precise date spans its month). */
  firstDays: Int32Array
  lastDays: Int32Array
  years: Int32Array
}

/**
 * How clauses match: every wanted clause (`all`, the default) or any of them, and whether words
 * also match their other forms (default: they do).
 */
export interface MatchOptions {
  combine?: 'all' | 'any'
  otherForms?: boolean
  /** Only quotes with an id of at least this one (a ranking window's). */
  fromId?: number
}

/** Where a ranked page is taken from. */
export interface RankingWindow {
  /** The smallest id considered. */
  fromId: number
  /** The ids considered, marked with a 1; null for every id from `fromId`. */
  keep: Uint8Array | null
  /** How far each id is lifted above the others (the most lifted first); null for none. */
  lift: Uint8Array | null
  limit: number
  offset: number
}

export interface PageRequest {
  limit: number
  offset: number
}

/**
 * The quote index: the words of every quote and the facts every search filters and counts by —
 * what searches, claims, typo correction and the in-memory indexes read.
 */
export interface QuoteIndex {
  /** The ids of every quote the clauses match, in ascending order. */
  matchingIds(clauses: SearchClause[], options?: MatchOptions): Promise<Int32Array>
  /**
   * One page of the quotes the clauses match, among those with an id of at least `fromId` that
   * `keep` marks with a 1 (all of them when `keep` is null): the most lifted first, then the best
   * ranked.
   */
  rankedIds(
    clauses: SearchClause[],
    window: RankingWindow,
    options?: MatchOptions,
  ): Promise<number[]>
  /** The quotes with these ids, with their chains, in the order given (unknown ids left out). */
  quotesInOrder(ids: number[]): Promise<QuoteResult[]>
  /** The facts of the quotes with ids in `(afterId, untilId]`. */
  quoteFacts(afterId: number, untilId: number): Promise<QuoteFactColumns>
  /** The facts of the quotes with these ids. */
  quoteFactsOf(ids: number[]): Promise<QuoteFactColumns>
  /** The facts of the articles with ids in `(afterId, untilId]`. */
  articleFacts(afterId: number, untilId: number): Promise<ArticleFactColumns>
  /** The facts of the articles with these ids. */
  articleFactsOf(ids: number[]): Promise<ArticleFactColumns>
  /** The facts of the speakers with these ids, or of all speakers (null). */
  speakerFacts(ids: number[] | null): Promise<SpeakerFactColumns>
  /** The largest quote and article ids in use (0 when there are none). */
  maxIds(): Promise<{ quote: number; article: number }>
  /** Slug and name of some speakers (or outlets), by id. */
  namesById(
    kind: 'speaker' | 'outlet',
    ids: number[],
  ): Promise<Map<number, { slug: string; name: string }>>
  /** The ids of some speakers (or outlets), by slug; unknown slugs are left out. */
  idsBySlug(kind: 'speaker' | 'outlet', slugs: string[]): Promise<Map<string, number>>
  /** The best-ranked statements of a loose match, with the text the claim is compared with. */
  findClaimCandidates(match: AnyWordMatch, limit: number): Promise<ClaimCandidate[]>
  /** The indexed words from `from` up to (not including) `to` (null: to the end), with counts. */
  vocabularyBetween(from: string, to: string | null): Promise<VocabularyEntry[]>
  /** Whether the index holds each word (or, for a prefix, a word beginning with it). */
  termsExist(terms: WordTerm[]): Promise<boolean[]>
  /** How many quotes hold each of `terms` now (0 for a term no longer indexed). */
  termCounts(terms: string[]): Promise<VocabularyEntry[]>
  /** The search documents of some quotes as indexed, by id: their own words, and the names. */
  searchDocumentsOf(ids: number[]): Promise<Map<number, { own: string; names: string }>>
  /** The words a speaker's (or outlet's) names put in its quotes' search documents, by id. */
  entityWords(kind: 'speaker' | 'outlet', ids: number[]): Promise<Map<number, string>>
  /** Every speaker and outlet by all its names, for the name index. */
  nameDocuments(): Promise<NameDocument[]>
  /** The name-index documents of some speakers and outlets; unknown ids are left out. */
  nameDocumentsOf(kind: 'speaker' | 'outlet', ids: number[]): Promise<NameDocument[]>
}

/** The stored records as the API and the pages show them, and as exports write them. */
export interface EntityReads {
  getQuote(id: number): Promise<QuoteResult | null>
  /**
   * The statements awaiting review (stored by the extractor, not yet accepted by a person), least
   * sure first: one page of their ids, and how many there are; with `articleId`, that article's.
   */
  reviewQueue(
    page: PageRequest,
    articleId?: number | null,
  ): Promise<{ total: number; ids: number[] }>
  /** The ids of a thread's statements, smallest first, at most `limit`; none for no thread. */
  threadStatementIds(threadId: number, limit: number): Promise<number[]>
  /** The next `limit` outlets after the outlet `afterId`, in id order, as records (for exports). */
  outletsAfter(afterId: number, limit: number): Promise<Array<{ id: number; record: OutletRecord }>>
  /** The next `limit` speakers after the speaker `afterId`, in id order, as records (for exports). */
  speakersAfter(
    afterId: number,
    limit: number,
  ): Promise<Array<{ id: number; record: SpeakerRecord }>>
  /** Some outlets (at most a few hundred), by slug, as records; unknown slugs are left out. */
  outletRecords(slugs: string[]): Promise<OutletRecord[]>
  /** Some speakers (at most a few hundred), by slug, as records; unknown slugs are left out. */
  speakerRecords(slugs: string[]): Promise<SpeakerRecord[]>
  /** The next `limit` articles after the article `afterId`, in id order (for exports). */
  articlesAfter(afterId: number, limit: number): Promise<Array<{ id: number; url: string }>>
  /** Articles as records, body included, by url; unknown urls are left out. */
  getArticleRecords(urls: string[]): Promise<ArticleRecord[]>

  listSpeakers(page: PageRequest): Promise<Page<Speaker>>
  /** The speakers with these slugs, in the order given; unknown slugs are left out. */
  getSpeakers(slugs: string[]): Promise<Speaker[]>
  getSpeaker(slug: string): Promise<SpeakerDetail | null>

  listOutlets(page: PageRequest): Promise<Page<Outlet>>
  /** An outlet's articles, newest first; null when no outlet has the slug. */
  listOutletArticles(slug: string, page: PageRequest): Promise<Page<ArticleListing> | null>
  /** The outlets with these slugs, in the order given; unknown slugs are left out. */
  getOutlets(slugs: string[]): Promise<Outlet[]>
  getOutlet(slug: string): Promise<Outlet | null>

  getArticle(id: number): Promise<Article | null>

  /** The slugs among `slugs` that name no speaker (or outlet). */
  unknownSlugs(kind: 'speaker' | 'outlet', slugs: string[]): Promise<string[]>
  /** Every outlet's name and aliases, for recognising outlets in article text. */
  outletNames(): Promise<Array<{ name: string; aliases: string[] }>>
  counts(): Promise<Counts>

  articleIdByUrl(url: string): Promise<number | null>
  quoteForChange(id: number): Promise<QuoteForChange | null>
}

/** Everything the store reads: on the reading connection, or inside a write as it sees itself. */
export interface StoreReads extends QuoteIndex, EntityReads {}

/** What a change-feed entry is about. */
export type ChangedEntity = 'quote' | 'article' | 'speaker' | 'outlet'

/**
 * What happened: the row was inserted, updated or deleted; its aliases (`names`) or speaker titles
 * (`titles`) changed; a quote's reference to it was added or taken away (`refs`).
 */
export type ChangeOp = 'insert' | 'update' | 'delete' | 'names' | 'titles' | 'refs'

/** One entry of the change feed. */
export interface Change {
  /** Its position in the feed: positions only grow. */
  seq: number
  entity: ChangedEntity
  id: number
  op: ChangeOp
  /** Words the change took out of search documents (an old text, an old name); else null. */
  removedWords: string | null
}

/**
 * The change feed: every change to quotes, articles, speakers and outlets, recorded by the database
 * itself in the transaction that made it, whoever made it. What is kept in memory catches up by
 * reading it forward from the last position it applied.
 */
export interface ChangeFeed {
  /** The position of the last change recorded; 0 when none ever was. */
  head(): Promise<number>
  /**
   * Up to `limit` changes after `position`, in order. `gap` is true when some of them were
   * pruned: a reader that far behind rebuilds what it keeps.
   */
  changesAfter(position: number, limit: number): Promise<{ changes: Change[]; gap: boolean }>
}

/** The readers of the feed, by whose positions old entries are pruned; inside a write. */
export interface FeedReaders {
  /** Registers a reader at the feed's head, and returns that position. */
  registerReader(reader: string): Promise<number>
  /** Records how far a reader has applied the feed; prunes what every live reader has passed. */
  reportPosition(reader: string, position: number): Promise<void>
  /** Forgets a reader that stopped. */
  forgetReader(reader: string): Promise<void>
  /** Prunes the entries every live reader has passed (all of them when no reader is live). */
  pruneChanges(): Promise<void>
}

/** Changes to outlets, speakers, articles and quotes one at a time, inside a write. */
export interface EntityWrites {
  createOutlet(record: OutletRecord): Promise<void>
  /** False when no outlet has the slug. */
  updateOutlet(slug: string, changes: OutletChanges): Promise<boolean>
  /** False when no outlet has the slug; refuses (conflict) an outlet still referred to. */
  deleteOutlet(slug: string): Promise<boolean>
  /** False when a slug names no outlet. */
  mergeOutlets(target: string, sources: string[]): Promise<boolean>
  createSpeaker(record: SpeakerRecord): Promise<void>
  updateSpeaker(slug: string, changes: SpeakerChanges): Promise<boolean>
  /** Refuses (conflict) a speaker who still has quotes. */
  deleteSpeaker(slug: string): Promise<boolean>
  mergeSpeakers(target: string, sources: string[]): Promise<boolean>
  deleteArticle(id: number): Promise<boolean>
  updateQuote(id: number, changes: QuoteChanges): Promise<boolean>
  deleteQuote(id: number): Promise<boolean>
}

/**
 * One write, inside its transaction: everything the store reads (seeing the write's own changes),
 * the entity writes and what an import needs.
 */
export interface WriteSession extends StoreReads, EntityWrites, ImportSession, FeedReaders {}

export interface WriteOptions<T> {
  /** Whether to commit what the work returned; it is rolled back otherwise. Default: commit. */
  commit?: (result: T) => boolean
  /**
   * Runs after the commit and before the next write begins: for what derives from the database
   * (the search indexes), which must take in each write in commit order. Not run after a
   * rollback; a failure is logged, and the write stays committed.
   */
  afterCommit?: (result: T) => Promise<void>
}

export interface Store extends StoreReads, ChangeFeed {
  /**
   * Runs `work` over reads that all see the database as of one moment (one read transaction), so
   * that what it reads of the feed and of the data agree.
   */
  consistentReads<T>(work: (reads: StoreReads & ChangeFeed) => Promise<T>): Promise<T>
  /**
   * Runs `work` as one transaction, after every write asked for before it and before any asked
   * for after: writes never interleave. Throwing from `work` rolls it back. A write that cannot
   * start in time (others queued before it, another process writing) is refused with a `busy`
   * AppError, having changed nothing.
   */
  write<T>(work: (session: WriteSession) => Promise<T>, options?: WriteOptions<T>): Promise<T>
  /** Copies the database into `destination` while it stays in use, and checks the copy. */
  backup(destination: string): Promise<{ pages: number; bytes: number; quotes: number }>
  /** Closes the connections; resolves once they are closed. */
  close(): Promise<void>
}
