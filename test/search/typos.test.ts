import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/search/query'
import { Vocabulary } from '../../src/search/typos'

const vocabulary = new Vocabulary([
  { term: 'sheinbaum', documents: 7 },
  { term: 'trevilla', documents: 3 },
  { term: 'vaporized', documents: 1 },
  { term: 'drone', documents: 9 },
  { term: 'drones', documents: 5 },
  { term: 'cartels', documents: 4 },
  { term: 'cartel', documents: 2 },
  { term: 'us', documents: 12 },
])

describe('Vocabulary.correct', () => {
  it('keeps a word the index holds', () => {
    expect(vocabulary.correct('drone', { prefix: false })).toEqual(['drone'])
  })

  it('corrects a one-letter slip in a longer word', () => {
    expect(vocabulary.correct('sheinbaun', { prefix: false })).toEqual(['sheinbaum'])
    expect(vocabulary.correct('trevila', { prefix: false })).toEqual(['trevilla'])
    expect(vocabulary.correct('vaporised', { prefix: false })).toEqual(['vaporized'])
  })

  it('counts two swapped letters as one edit', () => {
    expect(vocabulary.correct('trveilla', { prefix: false })).toEqual(['trevilla'])
    expect(vocabulary.correct('vapoirzed', { prefix: false })).toEqual(['vaporized'])
  })

  it('allows two edits only in words of eight letters or more', () => {
    expect(vocabulary.correct('shienbaun', { prefix: false })).toEqual(['sheinbaum'])
    expect(vocabulary.correct('sheinbxxm', { prefix: false })).toEqual(['sheinbaum'])
    expect(vocabulary.correct('dxxnes', { prefix: false })).toEqual(['dxxnes'])
  })

  it('lists the nearest words first, the most common first among equals', () => {
    expect(vocabulary.correct('cartelz', { prefix: false })).toEqual(['cartels', 'cartel'])
  })

  it('never corrects short words or words with digits', () => {
    expect(vocabulary.correct('ux', { prefix: false })).toEqual(['ux'])
    expect(vocabulary.correct('drone5', { prefix: false })).toEqual(['drone5'])
  })

  it('keeps a prefix that begins an indexed word', () => {
    expect(vocabulary.correct('sheinb', { prefix: true })).toEqual(['sheinb'])
    expect(vocabulary.correct('sheinb', { prefix: false })).toEqual(['sheinb'])
  })

  it('counts the documents under a prefix', () => {
    expect(vocabulary.documentsWithPrefix('drone')).toBe(14)
    expect(vocabulary.documentsWithPrefix('xyz')).toBe(0)
  })
})

describe('Vocabulary.correctClauses', () => {
  it('replaces misspelt words and reports each correction', () => {
    const clauses = parseQuery('Sheinbaun drones ')
    expect(vocabulary.correctClauses(clauses)).toEqual([
      { word: 'sheinbaun', alternatives: ['sheinbaum'] },
    ])
    expect(clauses[0]).toMatchObject({ type: 'word', alternatives: ['sheinbaum'] })
  })

  it('leaves quoted phrases exactly as typed', () => {
    const clauses = parseQuery('"sheinbaun said"')
    expect(vocabulary.correctClauses(clauses)).toEqual([])
  })

  it('learns words added after a write', () => {
    const v = new Vocabulary([{ term: 'drone', documents: 1 }])
    expect(v.correct('hegseht', { prefix: false })).toEqual(['hegseht'])
    v.add([{ term: 'hegseth', documents: 1 }])
    expect(v.correct('hegseht', { prefix: false })).toEqual(['hegseth'])
  })
})
