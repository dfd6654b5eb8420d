import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../src/extract/extract'
import type { ExtractedStatement } from '../../src/extract/types'

/** The statements of a text as [kind, text, speaker mention, resolved name] rows. */
const rows = (text: string, published?: string) =>
  extractStatements(text, { published }).map((s) => [
    s.kind,
    s.text,
    s.speakerMention?.text ?? null,
    s.speaker?.name ?? null,
  ])

const only = (text: string, kind: ExtractedStatement['kind'] = 'direct') => {
  const found = extractStatements(text).filter((s) => s.kind === kind)
  expect(found, JSON.stringify(rows(text))).toHaveLength(1)
  return found[0]!
}

describe('extractStatements: quotations and their speakers', () => {
  it('"…," X said.', () => {
    const s = only('“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.')
    expect(s).toMatchObject({
      text: 'We will rebuild the bridge',
      cue: 'said',
      speakerMention: { text: 'Mayor Ana Ruiz' },
    })
    expect(s.speaker).toEqual({ name: 'Ana Ruiz', title: 'Mayor', anonymous: false })
    expect(s.start).toBe(1)
  })

  it('"…," said X, the title.', () => {
    const s = only(
      '"Prices will fall by spring," said Tomas Berg, the chief economist at Nordbank.',
    )
    expect(s.speaker).toEqual({
      name: 'Tomas Berg',
      title: 'the chief economist at Nordbank',
      anonymous: false,
    })
  })

  it('X said: "…"', () => {
    const s = only('The senator said: "This bill is dead on arrival."')
    expect(s).toMatchObject({
      kind: 'direct',
      text: 'This bill is dead on arrival.',
      speakerMention: { text: 'The senator' },
    })
  })

  it('X, the title, told OUTLET "…" — an appositive title and a cited outlet', () => {
    const s = only(
      'Lena Park, a spokeswoman for the ministry, told Reuters that “no decision has been made.”',
      'partial',
    )
    expect(s.speaker).toEqual({
      name: 'Lena Park',
      title: 'a spokeswoman for the ministry',
      anonymous: false,
    })
    expect(s.citedOutlet?.name).toBe('Reuters')
    expect(s.audience).toBeNull()
  })

  it('told reporters: an audience, not an outlet; told the FBI likewise', () => {
    const toReporters = only(
      'The governor told reporters the storm was “the worst in a century.”',
      'partial',
    )
    expect(toReporters).toMatchObject({ audience: { text: 'reporters' }, citedOutlet: null })
    const toFbi = only('The witness told the FBI she saw “a man in a grey coat.”', 'partial')
    expect(toFbi).toMatchObject({ audience: { text: 'the FBI' }, citedOutlet: null })
  })

  it('a quotation split around its attribution is two statements by one speaker', () => {
    const found = extractStatements(
      '"We are ready," the coach said. "The players know what is at stake."',
    )
    expect(found.map((s) => [s.text, s.speakerMention?.text])).toEqual([
      ['We are ready', 'the coach'],
      ['The players know what is at stake.', 'the coach'],
    ])
  })

  it('a quotation that runs over several paragraphs keeps its speaker', () => {
    const text = [
      '“The port will reopen on Friday,” said Captain Ruth Okafor. “The cranes are repaired.',
      '“The crews are rested, and the ships are waiting offshore.”',
    ].join('\n\n')
    const found = extractStatements(text)
    expect(found.map((s) => s.speaker?.name)).toEqual(['Ruth Okafor', 'Ruth Okafor', 'Ruth Okafor'])
    expect(found.at(-1)!.text).toBe('The crews are rested, and the ships are waiting offshore.')
  })

  it('a pronoun and a surname refer back to the speaker named before', () => {
    const text = [
      'Defense Minister Carlos Vega said the talks would resume.',
      '“We are not leaving the table,” he said.',
      '“Nothing is settled,” Vega told reporters later.',
    ].join('\n\n')
    const quotes = extractStatements(text).filter((s) => s.kind !== 'paraphrase')
    expect(quotes.map((s) => [s.speakerMention?.text, s.speaker?.name, s.speaker?.title])).toEqual([
      ['he', 'Carlos Vega', 'Defense Minister'],
      ['Vega', 'Carlos Vega', 'Defense Minister'],
    ])
  })

  it('anonymous sources are anonymous', () => {
    const s = only('“The plan is on hold,” a senior administration official said.')
    expect(s.speaker).toEqual({
      name: 'a senior administration official',
      title: null,
      anonymous: true,
    })
  })

  it('straight, curly and doubled-apostrophe quotation marks alike; nested marks stay inside', () => {
    expect(only('"It works," she said.').text).toBe('It works')
    expect(only("''It works,'' she said.").text).toBe('It works')
    expect(only('“He told me, ‘wait here,’ and left,” she said.').text).toBe(
      'He told me, ‘wait here,’ and left',
    )
  })

  it('a quotation signed with a dash, and a transcript line', () => {
    expect(only('“Vote in November.” ― Maria Lopez').speaker?.name).toBe('Maria Lopez')
    expect(only('HOST: Thank you for joining us tonight.').speakerMention?.text).toBe('HOST')
  })
})

describe('extractStatements: paraphrases and sources', () => {
  it('X said (that) CLAIM', () => {
    const s = only(
      'The minister said last week that the budget would be cut by a tenth.',
      'paraphrase',
    )
    expect(s).toMatchObject({
      text: 'the budget would be cut by a tenth',
      speakerMention: { text: 'The minister' },
    })
  })

  it('CLAIM, according to X', () => {
    const s = only('Exports fell for a third month, according to the customs agency.', 'paraphrase')
    expect(s).toMatchObject({
      text: 'Exports fell for a third month',
      speakerMention: { text: 'the customs agency' },
    })
  })

  it('according to the report / per the paper: the outlet named before', () => {
    const text = [
      'The Washington Post first reported the audit on Tuesday.',
      'The auditors found missing funds in three accounts, according to the report.',
      'The ministry has hired outside lawyers, per the paper.',
    ].join('\n\n')
    const cited = extractStatements(text).filter((s) => s.citedOutlet)
    expect(
      cited.map((s) => [s.text, s.citedOutlet?.name, s.speakerMention?.text, s.speaker]),
    ).toEqual([
      ['the audit on Tuesday', 'The Washington Post', 'The Washington Post', null],
      [
        'The auditors found missing funds in three accounts',
        'The Washington Post',
        'the report',
        null,
      ],
      ['The ministry has hired outside lawyers', 'The Washington Post', 'the paper', null],
    ])
  })

  it('claims reported by no one in particular', () => {
    const s = only('The talks have reportedly stalled over fishing rights.', 'paraphrase')
    expect(s).toMatchObject({ cue: 'reportedly', speaker: null })
  })

  it('when it was said, from the article’s date', () => {
    const s = extractStatements('“We will appeal,” the lawyer said last week.', {
      published: '2024-03-13',
    })[0]!
    expect(s.said).toEqual({ phrase: 'last week', earliest: '2024-03-04', latest: '2024-03-10' })
  })
})

describe('extractStatements: what is not a statement', () => {
  it('a quoted book, film or song title', () => {
    expect(rows('She reread “The Old Man and the Sea” on the flight.')).toEqual([])
    expect(rows('The band closed with “Born to Run” after midnight.')).toEqual([])
  })

  it('scare quotes with no speaker', () => {
    expect(rows('The so-called “reform” left most rules as they were.')).toEqual([])
  })

  it('a nickname between a first and a last name', () => {
    expect(
      rows('Police arrested Joaquín “El Chapo” Guzmán in 2016, officials said.').filter(
        (r) => r[0] !== 'paraphrase',
      ),
    ).toEqual([])
  })
})

describe('extractStatements: offsets and time', () => {
  it('gives offsets that slice back to each statement’s text', () => {
    const text =
      'Intro.\n\n“One two three,” said Ana. “Four five.”\n\nThe panel said that the vote was fair and free.'
    for (const s of extractStatements(text)) {
      expect(text.slice(s.start, s.end)).toBe(s.text)
      if (s.speakerMention)
        expect(text.slice(s.speakerMention.start, s.speakerMention.end)).toBe(s.speakerMention.text)
      if (s.cueSpan) expect(text.slice(s.cueSpan.start, s.cueSpan.end)).toBe(s.cue)
    }
  })

  it('finishes a megabyte of hostile input in linear time', () => {
    const hostile = [
      '"'.repeat(1_000_000),
      '“'.repeat(1_000_000),
      'He said "a " b '.repeat(70_000),
      `${'word '.repeat(200_000)}`,
      '"x," he said, '.repeat(70_000),
      'According to the the the, '.repeat(40_000),
      // Many pronoun cues after one that names someone; many quotations after many belief cues.
      '"ab" said Xy '.repeat(38_000) + 'he said "ab" '.repeat(38_000),
      'knew '.repeat(100_000) + '"ab" '.repeat(100_000),
      'Dean, a b, poked c, saying d and said e, '.repeat(25_000),
    ]
    for (const text of hostile) {
      const started = performance.now()
      extractStatements(text)
      // Generous: a quadratic pass over a megabyte takes hours.
      expect(performance.now() - started, `${text.slice(0, 20)}…`).toBeLessThan(10_000)
    }
  })
})

describe('extractStatements is deterministic', () => {
  it('gives the same statements for a text whatever was extracted before it', () => {
    // Sixty unlisted verbs beside quotations: each asks the tagger, whose answers are cached.
    const text = Array.from(
      { length: 60 },
      (_, i) => `“We will win ${i},” Okxx${i}afor fumed.`,
    ).join(' ')
    const first = extractStatements(text)
    expect(extractStatements(text)).toEqual(first)
    expect(extractStatements(text)).toEqual(first)
  })
})

describe('extractStatements: what no list knows', () => {
  it('reads a title no list holds apart from the name by the first name after it', () => {
    const s = only('“We have studied the tides,” Harbour Master Ingrid Solberg told reporters.')
    expect(s.speaker).toEqual({ name: 'Ingrid Solberg', title: 'Harbour Master', anonymous: false })
    // A name keeps every word when no noun of office ends the words before a first name.
    for (const name of [
      'Ingrid Marie Solberg',
      'Andrés Manuel López Obrador',
      'Jean Paul Martin',
      'Bola Ahmed Tinubu',
    ]) {
      expect(only(`“The tides are high,” ${name} told reporters.`).speaker?.name).toBe(name)
    }
  })

  it('takes a paper no list knows, by the shape of its name, for an outlet', () => {
    const [s] = extractStatements(
      'According to the Coastal Gazette, the plan was approved without a vote.',
    )
    expect(s).toMatchObject({ kind: 'paraphrase', text: 'the plan was approved without a vote' })
    expect(s!.speaker).toBeNull()
    expect(s!.citedOutlet?.name).toBe('Coastal Gazette')
    const daily = only('“The vote was rigged,” Ben Ortiz told the Harbour Daily News.', 'direct')
    expect(daily.speaker?.name).toBe('Ben Ortiz')
    expect(daily.citedOutlet?.name).toBe('Harbour Daily News')
    // A surname that is an outlet's last word too is a person's without "the" before it; a name
    // after it makes it a title.
    const post = only('“Manners matter,” Emily Post said.')
    expect(post.speaker?.name).toBe('Emily Post')
    expect(post.citedOutlet).toBeNull()
    const editor = only('“We checked,” Gazette News Editor Jane Roe said.')
    expect(editor.citedOutlet).toBeNull()
    expect(editor.speaker?.name).toBe('Jane Roe')
  })

  it('makes "one captain" an unnamed source, never the person named before', () => {
    const text = [
      'Ingrid Solberg spoke first.',
      '“Nobody asked the fishermen,” said one trawler captain who did not want to be named.',
    ].join('\n\n')
    const s = only(text)
    expect(s.speaker).toMatchObject({ name: 'one trawler captain', anonymous: true })
  })

  it('does not take a time in the reported words for when they were said', () => {
    const [future] = extractStatements('She said fares would not rise this year.', {
      published: '2025-03-04',
    })
    expect(future).toMatchObject({ kind: 'paraphrase', said: null })
    const [monday] = extractStatements('The mayor said on Monday that fares would not rise.', {
      published: '2025-03-04',
    })
    expect(monday!.said).toMatchObject({ phrase: 'on Monday', earliest: '2025-03-03' })
    // The words of the saying that the claim swallowed are the saying's.
    const [statement] = extractStatements(
      'The mayor said fares would rise in a statement on Monday.',
      { published: '2025-03-04' },
    )
    expect(statement!.said).toMatchObject({ phrase: 'on Monday' })
  })
})
