/**
 * Attribution as real news writes it: each class of sentence below once gave the wrong person,
 * an outlet or a word as a person, or nothing at all. The sentences are made up for these tests.
 */
import { describe, expect, it } from 'vitest'
import { extractStatements } from '../../src/extract/extract'
import type { ExtractedStatement } from '../../src/extract/types'

/** Each statement as one readable row: kind, text, speaker (name | title | anonymous), outlet. */
function rows(text: string): string[] {
  return extractStatements(text, { published: '2025-02-17' }).map(row)
}

function row(s: ExtractedStatement): string {
  const who = s.speaker
    ? `${s.speaker.anonymous ? 'anonymous ' : ''}${s.speaker.name}${s.speaker.title ? ` (${s.speaker.title})` : ''}`
    : '-'
  return `${s.kind}: ${s.text} | ${who} | ${s.citedOutlet?.name ?? '-'}`
}

/** The one statement whose text begins with `start`. */
function statement(text: string, start: string): ExtractedStatement {
  const found = extractStatements(text, { published: '2025-02-17' }).filter((s) =>
    s.text.startsWith(start),
  )
  expect(found, rows(text).join('\n')).toHaveLength(1)
  return found[0]!
}

const speakerName = (text: string, start: string) => statement(text, start).speaker?.name ?? null

describe('a quotation that ends its own sentence, then "Name said."', () => {
  it.each([
    ['“The bridge is safe.” Mayor Ines Carvalho said.', 'Ines Carvalho'],
    ['"Who will pay for it?" Senator Paul Okafor asked.', 'Paul Okafor'],
    ['“We won!” shouted Dana Whitfield.', 'Dana Whitfield'],
    ['"It was never approved." said Rafael Ortiz, the council\'s lawyer.', 'Rafael Ortiz'],
  ])('%s', (text, name) => {
    const [first] = extractStatements(text)
    expect(first?.kind).toBe('direct')
    expect(first?.speaker?.name).toBe(name)
  })

  it.each(['“Yes,” she said.', '“Go on,” Okafor said.', '“Never!” shouted Okafor.'])(
    'a word or two that open the sentence with their own comma are said, not a name: %s',
    (text) => {
      expect(extractStatements(text)).toHaveLength(1)
    },
  )

  it('keeps a quotation with no attribution after it unattributed', () => {
    expect(rows('“The bridge is safe.” The river rose overnight.')).toEqual([])
  })

  it('gives each quotation the attribution that follows it, not the one before', () => {
    const text = '“The bridge is safe.” Ines Carvalho said. “It is not.” Paul Okafor said.'
    expect(speakerName(text, 'The bridge')).toBe('Ines Carvalho')
    expect(speakerName(text, 'It is not')).toBe('Paul Okafor')
  })
})

describe('the cited outlet, whenever the text names one', () => {
  it('"According to OUTLET, CLAIM": the outlet is the source, no person', () => {
    const s = statement(
      'According to The Guardian, the ministry has doubled its patrols along the coast.',
      'the ministry',
    )
    expect(s.kind).toBe('paraphrase')
    expect(s.speaker).toBeNull()
    expect(s.citedOutlet?.name).toBe('The Guardian')
  })

  it('"the Times said" after the outlet was named: the outlet by its short name', () => {
    const text =
      'The Financial Times first reported the sale. The price was lower than expected, the Times said.'
    const s = statement(text, 'The price')
    expect(s.speaker).toBeNull()
    expect(s.citedOutlet?.name).toBe('Financial Times')
  })

  it('"the Journal reported" with no outlet of that name before it is not a person either', () => {
    const s = statement(
      'The Wall Street Journal covered the vote. Turnout fell sharply, the Journal reported.',
      'Turnout',
    )
    expect(s.speaker).toBeNull()
    expect(s.citedOutlet?.name).toBe('The Wall Street Journal')
  })

  it('"As reported by OUTLET, X said CLAIM": X speaks, the outlet is cited', () => {
    const s = statement(
      'As reported by The Washington Post, Okafor said the budget would be cut.',
      'the budget',
    )
    expect(s.speaker?.name).toBe('Okafor')
    expect(s.citedOutlet?.name).toBe('The Washington Post')
    expect(rows('As reported by Reuters, Okafor said the budget would be cut.')).not.toContain(
      expect.stringContaining('| As'),
    )
  })

  it('"X, citing Y": Y is the cited outlet', () => {
    const s = statement(
      'The port will close for a week, Bloomberg reported, citing Reuters.',
      'The port',
    )
    expect(s.citedOutlet?.name).toBe('Reuters')
  })

  it('"OUTLET first reported CLAIM"', () => {
    const s = statement('Politico first reported that the talks had collapsed.', 'the talks')
    expect(s.citedOutlet?.name).toBe('Politico')
    expect(s.speaker).toBeNull()
  })

  it.each(['the outlet', 'the paper', 'the newspaper', 'the network', 'the magazine'])(
    '"X told %s" points back to the outlet named before',
    (noun) => {
      const text = `The levee held, NBC News reported. On Sunday, the storm weakened, engineer Maya Lindqvist told ${noun}.`
      const s = statement(text, 'On Sunday')
      expect(s.speaker?.name).toBe('Maya Lindqvist')
      expect(s.citedOutlet?.name).toBe('NBC News')
    },
  )

  it('a person of an outlet speaks, and the outlet is cited: "MSNBC host X", "Reuters reporter X"', () => {
    const onAir = statement('“The race is tight,” MSNBC host Chris Mathers said.', 'The race')
    expect(onAir.speaker).toMatchObject({ name: 'Chris Mathers', title: 'MSNBC host' })
    expect(onAir.citedOutlet?.name).toBe('MSNBC')
    const source = statement(
      'According to Reuters reporter Ana Lind, the talks failed last night.',
      'the talks',
    )
    expect(source.speaker?.name).toBe('Ana Lind')
    expect(source.citedOutlet?.name).toBe('Reuters')
  })

  it('"The Times on Saturday wrote that …": the day is not the source', () => {
    const text =
      'The New York Times covered the vote. The Times on Saturday wrote that turnout had fallen.'
    const s = statement(text, 'turnout')
    expect(s.speaker).toBeNull()
    expect(s.citedOutlet?.name).toBe('The New York Times')
  })

  it('"“…,” X said, according to OUTLET": X speaks, the outlet is cited', () => {
    const s = statement('“Do not protest on the floor,” Okafor said, according to CNN.', 'Do not')
    expect(s.speaker?.name).toBe('Okafor')
    expect(s.citedOutlet?.name).toBe('CNN')
  })

  it('"the congressional report" is a document, not the outlet named before', () => {
    const text =
      'Reuters obtained the memo. According to the congressional report, the agency ignored the warnings.'
    const s = statement(text, 'the agency')
    expect(s.citedOutlet?.name).not.toBe('Reuters')
  })

  it('"in an interview with OUTLET"', () => {
    const s = statement(
      '“We were warned,” Lindqvist said in an interview with The Atlantic.',
      'We were warned',
    )
    expect(s.speaker?.name).toBe('Lindqvist')
    expect(s.citedOutlet?.name).toBe('The Atlantic')
  })
})

describe('never a place, an organisation, a word or a title as a person', () => {
  it('an appositive left open by a missing comma does not make the place the speaker', () => {
    const text =
      'Hana Novak, the agency\'s chief engineer in Buenos Aires said the repairs were "well ahead of schedule".'
    const s = statement(text, 'well ahead')
    expect(s.speaker?.name).toBe('Hana Novak')
  })

  it('"TITLE, NAME, said": the name is the person, the title their title', () => {
    const s = statement(
      "Peru's Minister of Energy, Dr. Alberto Quispe, announced on Friday that prices would fall.",
      'prices',
    )
    expect(s.speaker?.name).toBe('Alberto Quispe')
    expect(s.speaker?.title).toMatch(/Minister of Energy/)
  })

  it('"the president said" is the person the article names as president', () => {
    const text =
      'President Lena Marsh visited the flooded towns. “We will rebuild every home,” the president said.'
    expect(speakerName(text, 'We will rebuild')).toBe('Lena Marsh')
  })

  it('"the general said" is the person named just before with that title', () => {
    const text =
      'Gen. Omar Haddad toured the base on Friday. Later, the general said the drills would continue.'
    expect(speakerName(text, 'the drills')).toBe('Omar Haddad')
  })

  it('a role noun nobody in the article holds stays a description, never a name', () => {
    const s = statement('“It was chaos,” the driver said.', 'It was chaos')
    expect(s.speaker?.anonymous).toBe(true)
  })

  it('"He has said" refers back to the person named before, not to "He"', () => {
    const text = 'Viktor Lund signed the order on Monday. He has said he will not resign.'
    expect(speakerName(text, 'he will not')).toBe('Viktor Lund')
  })

  it('a pronoun with nobody to refer to gives no speaker rather than "He"', () => {
    const s = statement('She said the plan was reckless.', 'the plan')
    expect(s.speaker).toBeNull()
  })

  it('"one said" after a group is an anonymous member of it, not the speaker before', () => {
    const text =
      '“Costs will rise,” Mayor Ines Carvalho said. Two engineers disagreed. “The design is sound,” one said. “It has passed every test,” said another.'
    for (const start of ['The design', 'It has passed']) {
      const s = statement(text, start)
      expect(s.speaker?.anonymous, start).toBe(true)
      expect(s.speaker?.name).not.toBe('Ines Carvalho')
    }
  })
})

describe('names as American papers print them', () => {
  it.each([
    ['Senate Minority Leader Lena Marsh (D-Nev.) said the plan was “a disgrace.”', 'a disgrace'],
    ['“Subpoenas are not optional,” said Rep. Omar Haddad (R-Utah).', 'Subpoenas'],
    ['House Speaker Lena Marsh, R-Wis., said the lawyers were “trying to get rich.”', 'trying'],
  ])('%s: the party and state are not part of the name', (text, start) => {
    const s = statement(text, start)
    expect(s.speaker?.name).toMatch(/^(?:Lena Marsh|Omar Haddad)$/)
    expect(s.speaker?.title ?? '').not.toMatch(/[RD]-/)
  })
})

describe('paraphrases with the speakers news writes', () => {
  it('"X told OUTLET that CLAIM": the claim after the outlet', () => {
    const s = statement(
      'Campaign spokesman Omar Haddad told The Washington Post that the ads would run in May.',
      'the ads',
    )
    expect(s.speaker?.name).toBe('Omar Haddad')
    expect(s.citedOutlet?.name).toBe('The Washington Post')
  })

  it('"Experts on X said", "attorneys for the family said": a noun and the phrase that says which', () => {
    expect(
      statement(
        'Experts on drought and river ecology said the reservoir would not refill.',
        'the reservoir',
      ).speaker?.anonymous,
    ).toBe(true)
    const family = statement(
      'The footage was shown to the relatives on Thursday, attorneys for the family said.',
      'The footage',
    )
    expect(family.speakerMention?.text).toBe('attorneys for the family')
  })

  it('"Rep. Lena M. Marsh (D-N.Y.), chair of the caucus, said": the whole name, initial and all', () => {
    const s = statement(
      'Rep. Lena M. Marsh (D-N.Y.), chair of the caucus, said members would raise money.',
      'members',
    )
    expect(s.speaker?.name).toBe('Lena M. Marsh')
  })
})

describe('a quotation inside a reported clause', () => {
  it('"NAME said she recalls …": the sentence names the speaker, the pronoun is the same person', () => {
    const s = statement(
      'Ines Carvalho said she recalls the meeting being “tense and short.”',
      'tense',
    )
    expect(s.speakerMention?.text).toBe('Ines Carvalho')
  })

  it('"She said she recalls …": one person, named by the first pronoun', () => {
    const text = 'Ines Carvalho spoke next. She said she recalls the vote being “rushed.”'
    const s = statement(text, 'rushed')
    expect(s.speakerMention?.text).toBe('She')
    expect(s.speaker?.name).toBe('Ines Carvalho')
  })

  it('"Once in 2019, I laughed and said …": an adverb that opens a sentence is nobody', () => {
    const s = statement('Once in 2019, I laughed and said, “I do not believe it.”', 'I do not')
    expect(s.speakerMention?.text).not.toBe('Once')
  })

  it('"Ban Ki-moon condemned what he called “…”": his own words, whatever the lexicon knows of him', () => {
    const s = statement(
      'Secretary General Ban Ki-moon condemned what he called a “brazen breach” of the rules.',
      'brazen',
    )
    expect(s.speakerMention?.text).toBe('Secretary General Ban Ki-moon')
  })

  it('"X says Y’s flurry of late-night tweets was “…”": a thing of someone’s does not speak', () => {
    const s = statement(
      'Lena Marsh says Omar Haddad’s flurry of late-night tweets was “unhinged, even for him.”',
      'unhinged',
    )
    expect(s.speaker?.name).toBe('Lena Marsh')
  })

  it('"NAME said she called it …" keeps "she" when she cannot be him', () => {
    const text =
      'Maria Lopez opened the hearing. Paul Okafor said she called the plan “a disgrace.”'
    const s = statement(text, 'a disgrace')
    expect(s.speakerMention?.text).toBe('she')
    expect(s.speaker?.name).toBe('Maria Lopez')
  })
})

describe('a cue that shares the subject of its sentence', () => {
  it.each([
    [
      'Mayor Ines Carvalho spoke on the radio, saying the bridge was “safe for now.”',
      'Ines Carvalho',
    ],
    [
      'Okafor, a former minister, criticised the plan on Monday, tweeting, “Who will pay?”',
      'Okafor',
    ],
    ['Senator Paul Okafor visited the site and said the levee was “holding.”', 'Paul Okafor'],
    ['Said Okafor: “The tax applies only to imports.”', 'Okafor'],
    [
      'Once in 2019, when the ferry sank, Ines Carvalho wept and said, “We failed them.”',
      'Ines Carvalho',
    ],
  ])('%s', (text, name) => {
    const [s] = extractStatements(text)
    expect(s?.speaker?.name).toBe(name)
  })
})

describe('a word of saying used as a noun is no cue', () => {
  it('"made a controversial comment that …": no statement by "a controversial"', () => {
    const text = 'Okafor made a controversial comment that described the workers as “lazy.”'
    const mentions = extractStatements(text).map((s) => s.speakerMention?.text)
    expect(mentions).not.toContain('a controversial')
  })

  it('"Clinton spoke in Tulsa, Oklahoma, arguing …": the participle is the sentence subject’s', () => {
    const s = statement(
      'Maria Lopez spoke on Tuesday in Tulsa, Oklahoma, arguing that the shootings were “intolerable.”',
      'intolerable',
    )
    expect(s.speaker?.name).toBe('Maria Lopez')
  })
})

describe('headlines and sources without a name', () => {
  it.each([
    ['Carvalho Says Every Home Will Be Rebuilt', 'Every Home', 'Carvalho'],
    ['Ferries Will Run All Winter, Harbour Chief Ines Carvalho Says', 'Ferries', 'Ines Carvalho'],
  ])('a title-case headline: %s', (text, start, name) => {
    expect(speakerName(text, start)).toBe(name)
  })

  it('"According to exit polls, …": a source the word lists do not know', () => {
    const s = statement(
      'According to exit polls, the mayor led among voters under thirty.',
      'the mayor led',
    )
    expect(s.speakerMention?.text).toBe('exit polls')
  })
})

describe('whose words: possessors and relative pronouns', () => {
  it('"checked Okafor’s claim that …": the quotation in the claim is Okafor’s', () => {
    const s = statement(
      'The fact-checkers looked at Paul Okafor’s claim that crime had “doubled since 2019.”',
      'doubled',
    )
    expect(s.speaker?.name).toBe('Paul Okafor')
  })

  it('a noun cue makes no paraphrase: where its claim ends cannot be told', () => {
    const found = extractStatements('Trump’s claim that the election was stolen has been debunked.')
    expect(found.map((s) => s.text)).not.toContain('the election was stolen has been debunked')
  })

  it('"Ines Carvalho, who in 2010 said …": the person before the comma', () => {
    const s = statement(
      'The bill was drafted by Ines Carvalho, who in 2010 said the port would “never close.”',
      'never close',
    )
    expect(s.speaker?.name).toBe('Ines Carvalho')
  })
})

describe('words that look like cues and are not', () => {
  it('"had shown bad judgment in using X “as a …”": showing is evidence, only of a that-clause', () => {
    const s = statement(
      'Okafor posted on Friday saying that Ines Carvalho had shown poor judgment in calling the port “a national treasure.”',
      'a national treasure',
    )
    expect(s.speakerMention?.text).not.toBe('Ines Carvalho')
  })

  it('"32% of Republican claims": a demonym alone is no speaker', () => {
    const found = extractStatements('The site rated 32% of Republican claims as “false.”')
    expect(found.map((s) => s.speakerMention?.text)).not.toContain('Republican')
  })

  it('"“…?” Okafor demanded.": any verb that is the whole next sentence', () => {
    const text = '“Who signed this?” Okafor demanded.'
    expect(speakerName(text, 'Who signed')).toBe('Okafor')
  })
})

describe('any verb of saying, in the usual positions', () => {
  it.each([
    ['Okafor clarified, “The tax applies only to imports.”', 'Okafor'],
    ['“The tax applies only to imports,” Okafor fumed.', 'Okafor'],
    ['“The tax applies only to imports,” the minister quipped.', 'the minister'],
    ['Okafor scrawled: “The tax applies only to imports.”', 'Okafor'],
    ['“The tax applies only to imports,” Okafor tweeted on Monday.', 'Okafor'],
    ['“The tax applies only to imports,” Senator Paul Okafor reiterated.', 'Senator Paul Okafor'],
  ])('%s', (text, mention) => {
    const s = statement(text, 'The tax')
    expect(s.speakerMention?.text).toBe(mention)
    expect(s.cue).not.toBeNull()
  })

  it('a verb that is not of saying next to a quotation still attributes nothing to a place', () => {
    const found = rows('“Hamlet” opened in London to packed houses.')
    expect(found).toEqual([])
  })
})

describe('a speaker named only before the quotation', () => {
  it('an attribution that ends with a colon carries to the next paragraph', () => {
    const text =
      'Mayor Ines Carvalho answered the critics on Tuesday:\n\n“No family will be left without a home.”'
    expect(speakerName(text, 'No family')).toBe('Ines Carvalho')
  })

  it('"NAME continued:" carries to the quotation in the next paragraph', () => {
    const text =
      '“The levee held,” said Carvalho.\n\nCarvalho continued:\n\n“The next storm is the test.”'
    expect(speakerName(text, 'The next storm')).toBe('Carvalho')
  })

  it('"NAME likened X to a “…”": likening is saying', () => {
    const s = statement('At a rally, Okafor likened the tax to a “slow poison.”', 'slow poison')
    expect(s.speaker?.name).toBe('Okafor')
  })

  it('a heading that names the speaker carries to the quotation under it', () => {
    const text =
      'Mayor Ines Carvalho addresses the council\n\n“No family will be left without a home. We will rebuild.”'
    expect(speakerName(text, 'No family')).toBe('Ines Carvalho')
  })
})

describe('what must never be a speaker or a source', () => {
  it.each([
    '“The bridge will collapse.” Ana Ruiz denied it.',
    'The slogan was “Make America great again.” Biden mocked it.',
    '“We are closed.” The sign on the door said it all.',
  ])('a sentence after a quotation that does something else: %s', (text) => {
    for (const s of extractStatements(text)) expect(s.speaker).toBeNull()
  })

  it('a subhead is not the speaker of the scare quotes under it', () => {
    for (const text of [
      'Joe Biden concedes\n\n“Stop the steal” chants echoed outside the hall.',
      'Hurricane Milton nears Florida\n\n“Get out now” warnings were issued.',
    ])
      for (const s of extractStatements(text)) expect(s.speaker).toBeNull()
  })

  it('a pronoun is a person, not a place or a body named before', () => {
    expect(
      speakerName('Madison Square Garden hosted the rally. “It was electric,” she said.', 'It was'),
    ).toBeNull()
    expect(
      speakerName('The Senate confirmed Pete Hegseth on Friday. “I am honored,” he said.', 'I am'),
    ).toBe('Pete Hegseth')
  })

  it('a pronoun of one gender finds the person of that gender, subject or object', () => {
    const text =
      'Hillary Clinton spoke first. “It is a fraud,” Trump said. “That is false,” she replied.'
    expect(speakerName(text, 'That is false')).toBe('Hillary Clinton')
    const met =
      'Kamala Harris met Donald Trump. “He is dangerous,” she said. “She is weak,” he said.'
    expect(speakerName(met, 'He is dangerous')).toBe('Kamala Harris')
    expect(speakerName(met, 'She is weak')).toBe('Donald Trump')
  })

  it('"The Seattle Times" is not "the Times" named before; "the agency" is not the wire', () => {
    const seattle = statement(
      'The New York Times reported the deal first. The Seattle Times said the price was high.',
      'the price',
    )
    expect(seattle.citedOutlet?.name ?? null).not.toBe('The New York Times')
    const agency = statement(
      'The aviation authority said the plane landed. Reuters reported it. According to the agency, two people died.',
      'two people',
    )
    expect(agency.citedOutlet?.name ?? null).not.toBe('Reuters')
  })

  it('"Per capita …" and "According to plan, …" name no source', () => {
    const mentions = [
      ...extractStatements('Per capita income fell sharply, the data showed.'),
      ...extractStatements('According to plan, the troops left the city at dawn.'),
    ].map((s) => s.speakerMention?.text)
    expect(mentions).not.toContain('capita income fell sharply')
    expect(mentions).not.toContain('plan')
  })

  it('a company is a description, not a named person', () => {
    const s = statement('The company said profits fell by a third.', 'profits')
    expect(s.speaker?.anonymous).toBe(true)
  })

  it.each([
    ['His spokeswoman, Karoline Leavitt, said the order was final.', 'Karoline Leavitt'],
    ['The mayor of Chicago, Brandon Johnson, said the budget was final.', 'Brandon Johnson'],
    ['CNN’s Jake Tapper said the debate was over.', 'Jake Tapper'],
    ['“We will win,” said Jose\u0301 Mu\u0301jica.', 'José Mújica'.normalize('NFD')],
  ])('the person in "%s"', (text, name) => {
    const [s] = extractStatements(text)
    expect(s?.speaker?.name).toBe(name)
  })

  it('"Mitch McConnell, who said X, retired": the claim ends with the clause', () => {
    const s = statement(
      'Mitch McConnell, who in 2010 said the goal was to win, retired.',
      'the goal',
    )
    expect(s.text).toBe('the goal was to win')
  })
})
