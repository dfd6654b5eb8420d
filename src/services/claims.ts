/**
 * "Who reported this?": the statements that carry a claim written in the user's own words, as
 * threads — one statement however many outlets carried it — best match first, each with the
 * outlets that carried it in the order they did.
 *
 * A claim in a user's words shares only some words with any article, so the match is loose: any
 * word may match, whole (in any of its forms: "drone", "drones"), never as a prefix ("short" does
 * not match "shortage"); typos are corrected. A statement counts only when it holds enough of the
 * claim's weight (`CLAIMS.minCoverage`), each word weighted by its rarity, and it is ranked by
 * that weight (the word as typed above its other forms) and by how close together the words stand.
 */
import { invalidParameter } from '../domain/errors'
import type { AnyWordMatch, WordTerm } from '../domain/store'
import type { Page, QuoteResult, QuoteSpeaker, ThreadRef } from '../domain/types'
import { escapeHtml } from '../search/highlight'
import { tokenize, withoutInvisibles } from '../search/normalize'
import { CLAIMS, LIMITS } from '../search/options'
import { stem } from '../search/stem'
import { STOPWORDS } from '../search/stopwords'
import type { ServiceContext } from './context'
import type { ThreadOutlet } from './provenance'
import { THREAD_STATEMENTS_SHOWN, threadReport } from './threads'

/** One thread that carries the claim. */
export interface ClaimThread {
  thread: ThreadRef
  /** How well its best statement matches the claim, from 0 to 1. */
  score: number
  /** The best-matching statement: its id and words. */
  statementId: number
  text: string
  /** The same, HTML-escaped, with the claim's words in `<mark>`. */
  snippet: string
  speaker: QuoteSpeaker | null
  /** The origin, who carried it first (or that the order is not known), how many outlets. */
  answer: string
  outlets: ThreadOutlet[]
  /**
   * The thread's statements, those that matched first (with a `snippet`), then the others earliest
   * first: at most 10; `thread.statements` says how many it holds.
   */
  statements: QuoteResult[]
}

export interface ClaimReport extends Page<ClaimThread> {
  query: { q: string; words: string[] }
  /** The best match's answer in one line; null when nothing carries the claim. */
  answer: string | null
  /** How many statements matched, over all threads. */
  statementCount: number
}

interface ClaimWord {
  /** The word as folded from the claim, corrected when the index does not hold it. */
  word: string
  /** Its stem: a statement word with the same stem is another form of it. */
  stem: string
  /** The indexed words looked up: the word and its other forms. */
  forms: string[]
  weight: number
}

/** How much a statement word counts towards a claim word: the word itself, or another form. */
const FORM_MATCH = { exact: 1, otherForm: 0.85 } as const

/** The claim's meaningful words, each with its forms and its weight (its rarity). */
function claimWords(context: ServiceContext, q: string, totalQuotes: number): ClaimWord[] {
  const seen = new Set<string>()
  const result: ClaimWord[] = []
  const { vocabulary } = context.indexes
  for (const { text } of tokenize(withoutInvisibles(q))) {
    if (STOPWORDS.has(text) || seen.has(text)) continue
    seen.add(text)
    const word = vocabulary.correct(text, { prefix: false })[0] ?? text
    const key = stem(word)
    const forms = [word, ...vocabulary.forms(word)]
    const documents = forms.reduce((sum, f) => sum + vocabulary.documents(f), 0)
    // A word no quote holds cannot tell statements apart, so it weighs nothing.
    const weight =
      documents === 0
        ? 0
        : Math.log(1 + (totalQuotes + 1) / (Math.min(documents, totalQuotes) + 0.5))
    result.push({ word, stem: key, forms, weight })
    if (result.length === LIMITS.queryWords) break
  }
  return result
}

/**
 * The match for a claim: any of its words, ranked by all of them. A statement must hold
 * `CLAIMS.minCoverage` of the claim's weight, so it must hold one of the heaviest words — those
 * without which the rest weigh too little. Requiring one of those keeps out the statements that
 * share only common words, which are most of them, before anything is ranked.
 */
function claimMatch(words: ClaimWord[]): AnyWordMatch | null {
  const terms = (chosen: ClaimWord[]): WordTerm[] =>
    chosen.flatMap((w) => w.forms.map((form) => ({ word: form, prefix: false })))
  if (words.length === 0) return null
  const total = words.reduce((sum, w) => sum + w.weight, 0)
  const heaviest = [...words].sort((a, b) => b.weight - a.weight)
  let rest = total
  const required: ClaimWord[] = []
  for (const word of heaviest) {
    if (rest < CLAIMS.minCoverage * total) break
    required.push(word)
    rest -= word.weight
  }
  return {
    terms: terms(words),
    required: required.length === words.length ? null : terms(required),
  }
}

/** A statement word, and its stem (made once: every claim word is compared with it). */
interface StatementWord {
  word: string
  stem: string
}

const statementWords = (text: string): StatementWord[] =>
  tokenize(text).map(({ text: word }) => ({ word, stem: stem(word) }))

/** The most statements an item lists; its thread lists them all (`GET /api/threads/{id}`). */
const CLAIM_STATEMENTS_SHOWN = 10

/** How a statement word matches a claim word: 1 itself, less another form, 0 not at all. */
function formMatch(claimWord: ClaimWord, statementWord: StatementWord): number {
  if (statementWord.word === claimWord.word) return FORM_MATCH.exact
  return statementWord.stem === claimWord.stem ? FORM_MATCH.otherForm : 0
}

interface Match {
  /** The share of the claim's weight held, each word by how it matched. */
  coverage: number
  score: number
}

/**
 * How well a statement matches the claim: `searchable` is its words and its speaker's names (which
 * count towards the claim's weight), `text` its own words (whose order counts for closeness).
 */
function matchOf(words: ClaimWord[], text: string, searchable: string): Match {
  const total = words.reduce((sum, w) => sum + w.weight, 0)
  if (total === 0) return { coverage: 0, score: 0 }
  const own = statementWords(text)
  const all = statementWords(searchable)
  let held = 0
  // Where each claim word first stands in the statement's own words, for closeness.
  const positions: Array<number | null> = []
  for (const w of words) {
    let best = 0
    for (const s of all) best = Math.max(best, formMatch(w, s))
    held += best * w.weight
    const at = own.findIndex((s) => formMatch(w, s) > 0)
    positions.push(at < 0 ? null : at)
  }
  // Claim words that follow each other and stand within a few words of each other.
  let close = 0
  for (let i = 1; i < positions.length; i++) {
    const [a, b] = [positions[i - 1], positions[i]]
    if (a != null && b != null && Math.abs(b - a) <= CLAIMS.closeWithin) close++
  }
  const closeness = positions.length > 1 ? close / (positions.length - 1) : 1
  const coverage = held / total
  return { coverage, score: Math.round(coverage * (0.8 + 0.2 * closeness) * 1000) / 1000 }
}

/** The statement's words, HTML-escaped, with those that match a claim word in `<mark>`. */
function markWords(words: ClaimWord[], text: string): string {
  const input = text.normalize('NFC')
  let html = ''
  let at = 0
  for (const token of tokenize(input)) {
    const word = { word: token.text, stem: stem(token.text) }
    if (!words.some((w) => formMatch(w, word) > 0)) continue
    html += `${escapeHtml(input.slice(at, token.start))}<mark>${escapeHtml(input.slice(token.start, token.end))}</mark>`
    at = token.end
  }
  return html + escapeHtml(input.slice(at))
}

interface MatchedThread {
  thread: ThreadRef
  best: QuoteResult
  score: number
  /** The snippets of its statements that matched, by id. */
  snippets: Map<number, string>
}

/** The whole thread of a match, as stored now (or its statement alone, should a write have moved it). */
async function reportOf(context: ServiceContext, matched: MatchedThread) {
  const ids = await context.store.threadStatementIds(matched.thread.id, THREAD_STATEMENTS_SHOWN)
  const found = await context.store.quotesInOrder(ids)
  return threadReport(
    matched.thread.id,
    matched.thread.statements,
    found.length > 0 ? found : [matched.best],
  )
}

/** The threads that carry a claim, best match first; see the module comment. */
export async function checkClaim(
  context: ServiceContext,
  params: { q: string; limit: number; offset: number },
): Promise<ClaimReport> {
  const q = params.q.trim()
  // Words are weighed by how many quotes hold them: the whole vocabulary must be loaded.
  await context.indexes.complete
  const words = claimWords(context, q, context.indexes.facts.size)
  const match = claimMatch(words)
  if (match === null) {
    throw invalidParameter(
      'q',
      'q has no words to look for beyond common ones such as "the" or "said".',
    )
  }
  const candidates = await context.store.findClaimCandidates(match, CLAIMS.candidates)
  const threads = new Map<number, MatchedThread>()
  let statementCount = 0
  for (const { quote, searchableText } of candidates) {
    const { coverage, score } = matchOf(words, quote.text, searchableText)
    if (coverage < CLAIMS.minCoverage) continue
    statementCount++
    const snippet = markWords(words, quote.text)
    const found = threads.get(quote.thread.id)
    if (!found) {
      threads.set(quote.thread.id, {
        thread: quote.thread,
        best: quote,
        score,
        snippets: new Map([[quote.id, snippet]]),
      })
      continue
    }
    found.snippets.set(quote.id, snippet)
    if (score > found.score) Object.assign(found, { best: quote, score })
  }
  const ranked = [...threads.values()].sort(
    (a, b) => b.score - a.score || b.thread.outlets - a.thread.outlets || a.thread.id - b.thread.id,
  )
  const items: ClaimThread[] = []
  for (const matched of ranked.slice(params.offset, params.offset + params.limit)) {
    const report = await reportOf(context, matched)
    items.push({
      thread: matched.thread,
      score: matched.score,
      statementId: matched.best.id,
      text: matched.best.text,
      snippet: matched.snippets.get(matched.best.id)!,
      speaker: matched.best.speaker ?? report.speaker,
      answer: report.answer,
      outlets: report.outlets,
      // The statements that matched first, then the thread's others, earliest first.
      statements: [
        ...report.statements.filter((s) => matched.snippets.has(s.id)),
        ...report.statements.filter((s) => !matched.snippets.has(s.id)),
      ]
        .slice(0, CLAIM_STATEMENTS_SHOWN)
        .map((s) => {
          const snippet = matched.snippets.get(s.id)
          return snippet === undefined ? s : { ...s, snippet }
        }),
    })
  }
  return {
    query: { q, words: words.map((w) => w.word) },
    answer:
      params.offset === 0 || !ranked[0]
        ? (items[0]?.answer ?? null)
        : (await reportOf(context, ranked[0])).answer,
    statementCount,
    total: ranked.length,
    limit: params.limit,
    offset: params.offset,
    items,
  }
}
