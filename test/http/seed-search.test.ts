import { describe, expect, it } from 'vitest'
import { readSeed } from '../../src/import/seed'
import type { QuoteSearchResult } from '../../src/services/quotes'
import { getJson, seededQuotedb } from '../helpers'

interface SeedQuote {
  text: string
  start: number
  speaker: string | null
  citedOutlet?: string | null
}

const seedQuotes = readSeed().quotes as unknown as SeedQuote[]

describe('every curated statement', () => {
  it.each(seedQuotes.map((q) => [q.text.slice(0, 40), q] as const))(
    'is found by its own words with its speaker and cited outlet: %s…',
    async (_label, seedQuote) => {
      const { app } = await seededQuotedb()
      // Its first words, typed without accents or punctuation, as a reader would.
      const words = seedQuote.text
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .slice(0, 6)
        .join(' ')
      const { body } = await getJson<QuoteSearchResult>(
        app,
        `/api/quotes?q=${encodeURIComponent(words)}&limit=100`,
      )
      const found = body.items.find(
        (q) => q.offsets?.start === seedQuote.start && q.text === seedQuote.text,
      )
      expect(found, `not found by "${words}"`).toBeDefined()
      expect(found!.speaker?.slug ?? null).toBe(seedQuote.speaker)
      expect(found!.citedOutlet?.slug ?? null).toBe(seedQuote.citedOutlet ?? null)
    },
  )
})
