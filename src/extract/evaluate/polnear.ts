/**
 * Reads a directory of the PolNeAR corpus (brat standoff: `text/NAME.txt` and
 * `attributions/NAME_XXXX.ann`) into articles with their hand-marked attributions, the gold the
 * extractor is scored against. Nothing here knows where the corpus lives: the caller names the
 * directory.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DOCUMENT_NOUNS, OUTLET_ANAPHORA, OutletNames } from '../outlet-names'
import { bare, tokens } from '../tokens'
import type { Span } from './score'

/** One attribution as annotated: its Content, and its Source and Cue when the annotator marked them. */
export interface GoldAttribution {
  /** `quote` when the Content holds a quotation mark (see {@link isQuotation}), else `paraphrase`. */
  kind: 'quote' | 'paraphrase'
  /** The Content's pieces (more than one when discontinuous, or with a `Content2` role). */
  content: Span[]
  /** The Source's pieces; null for an attribution with no source marked. */
  source: Span[] | null
  cue: Span[] | null
  /**
   * The Source names an outlet — a major one by name ("The New York Post", "the AP") or one named
   * before ("the paper", "the Times"): the statement's cited outlet, for the outlet score.
   */
  sourceIsOutlet?: boolean
}

/** One annotated article of the corpus. */
export interface PolnearArticle {
  /** The text file's name without `.txt`, e.g. `nyt_2016-09-19_some-title`. */
  name: string
  text: string
  /** The date in the file name (`YYYY-MM-DD`), or null when it has none. */
  published: string | null
  attributions: GoldAttribution[]
}

const DOUBLE_QUOTES = /["“”„«»]/
const SINGLE_QUOTE_OPENING = /^\s*['‘’]/
// `T3<TAB>Content 115 290;300 310<TAB>text`; the text may run onto further lines, which are skipped.
const TEXT_BOUND = /^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)/
const EVENT = /^E\d+\t(.*)$/
const DATE_IN_NAME = /^[^_]+_(\d{4}-\d{2}-\d{2})_/

const outletNames = new OutletNames()

/** Nouns that stand for an outlet named before ("the paper said"), documents aside. */
const OUTLET_NOUNS = new Set([...OUTLET_ANAPHORA].filter((noun) => !DOCUMENT_NOUNS.has(noun)))

/**
 * Whether a Source's text is an outlet: a known outlet's name, after at most a determiner ("the
 * AP", "The New York Post"), or "the paper" and the like. Not "a reporter for USA Today" (a person)
 * nor "the report" (a document, whoever wrote it).
 */
export function namesAnOutlet(source: string): boolean {
  const words = tokens(source).filter((t) => t.word)
  const found = outletNames.all(words)[0]
  if (found && found.first <= 1 && found.last >= words.length - 2) return true
  const head = words.at(-1)
  if (!head || words.length > 3 || !['the', 'that', 'this'].includes(bare(words[0]!))) return false
  // "the paper", and "the Times" (an outlet's short name, capitalised).
  return (
    OUTLET_NOUNS.has(bare(head)) || /^(?:Times|Post|Journal|Globe|Tribune|Herald)$/.test(head.text)
  )
}

/**
 * True when a Content is a quotation: it contains a double quotation mark (`"` `“` `”` `„` `«`
 * `»`) or begins with a single one (`'` `‘` `’`), apostrophes inside words aside.
 */
export function isQuotation(contentText: string): boolean {
  return DOUBLE_QUOTES.test(contentText) || SINGLE_QUOTE_OPENING.test(contentText)
}

function parseSpans(offsets: string): Span[] {
  return offsets.split(';').map((pair) => {
    const [start, end] = pair.split(' ').map(Number)
    return { start: start!, end: end! }
  })
}

/**
 * Parses one brat `.ann` file against its article's text. Each event (`E` line) is one
 * attribution; roles are matched by name with any trailing digit dropped, so `Content2` adds to
 * the Content. An event with no Content is skipped; `Discard` and `Discuss` marks, annotator
 * notes and continuation lines of multi-line texts are ignored.
 */
export function parseAnnotations(ann: string, text: string): GoldAttribution[] {
  const bounds = new Map<string, Span[]>()
  const events: string[] = []
  for (const line of ann.split(/\r?\n/)) {
    const bound = TEXT_BOUND.exec(line)
    if (bound) bounds.set(bound[1]!, parseSpans(bound[3]!))
    const event = EVENT.exec(line)
    if (event) events.push(event[1]!)
  }
  const attributions: GoldAttribution[] = []
  for (const event of events) {
    const roles = new Map<string, Span[]>()
    for (const argument of event.split(/\s+/)) {
      const [role, id] = argument.split(':')
      const spans = id === undefined ? undefined : bounds.get(id)
      if (!role || !spans) continue
      const name = role.replace(/\d+$/, '')
      roles.set(name, [...(roles.get(name) ?? []), ...spans])
    }
    const content = roles.get('Content')
    if (!content) continue
    const contentText = [...content]
      .sort((a, b) => a.start - b.start)
      .map(({ start, end }) => text.slice(start, end))
      .join(' ')
    const source = roles.get('Source') ?? null
    const sourceText = source?.map(({ start, end }) => text.slice(start, end)).join(' ') ?? ''
    attributions.push({
      kind: isQuotation(contentText) ? 'quote' : 'paraphrase',
      content,
      source,
      cue: roles.get('Cue') ?? null,
      sourceIsOutlet: source !== null && namesAnOutlet(sourceText),
    })
  }
  return attributions
}

/** The date a corpus file name carries (`nyt_2016-09-19_...` → `2016-09-19`), or null. */
export function dateFromName(name: string): string | null {
  return DATE_IN_NAME.exec(name)?.[1] ?? null
}

/**
 * Reads every article of a PolNeAR directory that has an annotation file, in name order. Where an
 * article has several (one per annotator), the first in name order is the gold.
 */
export function readPolnear(dir: string): PolnearArticle[] {
  const annotationFiles = new Map<string, string>()
  for (const file of readdirSync(join(dir, 'attributions')).sort()) {
    const match = /^(.*)_[^_]+\.ann$/.exec(file)
    if (match && !annotationFiles.has(match[1]!)) annotationFiles.set(match[1]!, file)
  }
  const articles: PolnearArticle[] = []
  for (const file of readdirSync(join(dir, 'text')).sort()) {
    if (!file.endsWith('.txt')) continue
    const name = file.slice(0, -'.txt'.length)
    const annFile = annotationFiles.get(name)
    if (!annFile) continue
    const text = readFileSync(join(dir, 'text', file), 'utf8')
    const ann = readFileSync(join(dir, 'attributions', annFile), 'utf8')
    articles.push({
      name,
      text,
      published: dateFromName(name),
      attributions: parseAnnotations(ann, text),
    })
  }
  return articles
}
