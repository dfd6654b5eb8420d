/**
 * What a quotation is doing in its sentence: a statement of its own, a name or title in quotation
 * marks (“El Chapo”, “The Apprentice”), signed with a dash (“…” ― Sonya Herridge), or part of a
 * transcript (PENCE: …).
 */
import { isSpeechVerb } from './cues'
import { phraseAfter, type Phrase } from './phrases'
import type { Quotation } from './quotation-marks'
import { capitalized, type Token } from './tokens'

/** A quotation's text as a statement: its inner span without the comma that closes it before an attribution. */
export function quotationText(text: string, q: Quotation): { start: number; end: number } {
  let start = q.start
  let end = q.end
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--
  return { start, end }
}

const TITLE_SMALL_WORDS = /^(?:of|the|a|an|and|in|on|for|to|at|de|del|la|el)$/

/**
 * A name or title in quotation marks, not words someone said: “El Chapo” between two names,
 * or a few title-cased words without a full stop ("The Art of the Deal").
 */
export function isNameInQuotes(
  text: string,
  tokens: Token[],
  index: number,
  q: Quotation,
  /** Nothing but punctuation stands before the quotation in its sentence. */
  opensSentence: boolean,
): boolean {
  const inner = text.slice(q.start, q.end)
  const words = inner.match(/[\p{L}\p{N}’']+/gu) ?? []
  if (words.length === 0) return true
  const titleCase = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.test(w))
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  const betweenNames =
    before?.word === true && capitalized(before) && after?.word === true && capitalized(after)
  // "“Yes,” she said.": a word that opens its sentence with its own comma is said, not a name.
  if (opensSentence && /[,!?]$/.test(inner.trim())) return false
  return (titleCase && words.length <= 8 && !/[.!?]$/.test(inner.trim())) || betweenNames
}

const DASHES = new Set(['―', '—', '–', '-'])

/** A quotation signed with a dash and a name: “…” ― Sonya Herridge. */
export function dashSignature(tokens: Token[], index: number): Phrase | null {
  let i = index + 1
  if (tokens[i]?.text === ',' || tokens[i]?.text === '.') i++
  if (!tokens[i] || !DASHES.has(tokens[i]!.text)) return null
  const name = tokens[i + 1]
  if (!name?.word || !capitalized(name)) return null
  return phraseAfter(tokens, i + 1, { appositive: true })
}

/** A transcript's speaker label at a paragraph's start: `PENCE:` or `"WALLACE:`. */
const SPEAKER_LABEL = /^["“]?((?:\p{Lu}[\p{Lu}.'’-]+)(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s/u

/** The label and where the labelled speech begins, when a paragraph opens with one. */
export function transcriptLabel(
  text: string,
  start: number,
  end: number,
): { label: { start: number; end: number }; content: number } | null {
  const match = SPEAKER_LABEL.exec(text.slice(start, Math.min(end, start + 60)))
  if (!match) return null
  const labelStart = start + match[0].indexOf(match[1]!)
  return {
    label: { start: labelStart, end: labelStart + match[1]!.length },
    content: start + match[0].length,
  }
}

/** Headline words that introduce a story rather than a source: "Watch: …", "Update: …". */
const NOT_SOURCES = new Set([
  'watch',
  'update',
  'exclusive',
  'breaking',
  'video',
  'photos',
  'live',
  'analysis',
  'opinion',
  'editorial',
  'correction',
  'listen',
  'read',
  'see',
  'note',
  'editor’s note',
  "editor's note",
  'full text',
  'abstract',
  'related',
])

/**
 * A headline that attributes its claim before a colon: "Pence: Gennifer Flowers Won’t Be at
 * Debate", "Poll: Wealthy Voters Abandon Republican Party". Only a short paragraph without a full
 * stop (a headline), whose part before the colon is a few capitalised words.
 */
export function headlineSource(
  text: string,
  start: number,
  end: number,
): { source: { start: number; end: number }; content: number } | null {
  if (end - start > 200) return null
  const line = text.slice(start, end).replace(/\.$/, '')
  if (/[.!?]\s/.test(line)) return null
  const colon = line.indexOf(': ')
  if (colon <= 0 || colon > 50) return null
  const source = line.slice(0, colon)
  const words = source.split(/\s+/)
  if (words.length > 6 || !words.every((w) => /^[\p{Lu}\p{N}]/u.test(w))) return null
  if (NOT_SOURCES.has(source.toLowerCase())) return null
  // "Said Okafor: “…”" is a sentence whose cue comes first, not a headline.
  if (isSpeechVerb(words[0]!)) return null
  return { source: { start, end: start + colon }, content: start + colon + 2 }
}
