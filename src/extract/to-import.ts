/**
 * Extracted statements as import items, to be stored through the import path like any other
 * quote: speakers and outlets are then found by name or alias, or created.
 */
import type { NestedQuote } from '../import/item-schema'
import type { ExtractedStatement } from './types'

const PRONOUN = /^(?:he|she|they|i|we|you|it|who)(?:['’]s)?$/i

/** The speaker to store: none for an unresolved pronoun ("he" with no one named before). */
function speakerOf(statement: ExtractedStatement): NestedQuote['speaker'] {
  const speaker = statement.speaker
  if (!speaker || PRONOUN.test(speaker.name.trim())) return null
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
      cue: s.cue,
      speakerTitle: s.speaker?.title ?? null,
      audience: s.audience?.text ?? null,
      citedOutlet: s.citedOutlet?.name ?? null,
      said: s.said
        ? { phrase: s.said.phrase, earliest: s.said.earliest, latest: s.said.latest }
        : null,
      extraction: {
        method: s.method,
        confidence: s.confidence,
        cue: s.cueSpan,
        mention: s.speakerMention,
      },
    })
  }
  return items
}
