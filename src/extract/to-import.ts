/**
 * Extracted statements as import items, to be stored through the import path like any other
 * quote: speakers and outlets are then found by name or alias, or created.
 */
import type { NestedQuote } from '../import/item-schema'
import type { ExtractedStatement } from './types'

const PRONOUN = /^(?:he|she|they|i|we|you|it|who)(?:['’]s)?$/i

/** The longest name, title, cue and mention an import takes; longer ones are no such thing. */
const LIMITS = { name: 300, title: 1000, cue: 200, mention: 1000 }

const within = <T extends { text: string } | string>(value: T | null, max: number): T | null =>
  value === null || (typeof value === 'string' ? value : value.text).length > max ? null : value

/** The speaker to store: none for an unresolved pronoun ("he" with no one named before). */
function speakerOf(statement: ExtractedStatement): NestedQuote['speaker'] {
  const speaker = statement.speaker
  if (!speaker || PRONOUN.test(speaker.name.trim())) return null
  if (speaker.name.length > LIMITS.name) return null
  return {
    name: speaker.name,
    anonymous: speaker.anonymous,
    description: null,
    wikidataId: null,
    aliases: [],
  }
}

/** The statements as quote items of their article, one per span and kind. */
export function toQuoteItems(statements: ExtractedStatement[]): NestedQuote[] {
  const seen = new Set<string>()
  const items: NestedQuote[] = []
  for (const s of statements) {
    const key = `${s.start} ${s.end} ${s.kind}`
    if (seen.has(key)) continue
    seen.add(key)
    items.push({
      text: s.text,
      kind: s.kind,
      start: s.start,
      end: s.end,
      speaker: speakerOf(s),
      cue: within(s.cue, LIMITS.cue),
      speakerTitle: within(s.speaker?.title ?? null, LIMITS.title),
      audience: within(s.audience?.text ?? null, LIMITS.cue),
      citedOutlet: s.citedOutlet?.name ?? null,
      said: s.said
        ? { phrase: s.said.phrase, earliest: s.said.earliest, latest: s.said.latest }
        : null,
      extraction: {
        method: s.method,
        confidence: s.confidence,
        cue: within(s.cueSpan, LIMITS.cue),
        mention: within(s.speakerMention, LIMITS.mention),
      },
    })
  }
  return items
}
