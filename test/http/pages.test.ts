/**
 * The web pages as HTML, without a browser: status codes, escaping, the states a reader meets
 * (nothing found, a bad date, a page past the last, an unknown address) and the static files.
 * The browser tests in test/e2e click through the same pages.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { seededQuotedb, send } from '../helpers'

const page = async (app: Awaited<ReturnType<typeof seededQuotedb>>['app'], path: string) => {
  const response = await app.request(path)
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    html: await response.text(),
  }
}

describe('the search page', () => {
  it('refuses words of the object prototype as filters plainly, never with a 500', async () => {
    const { app } = await seededQuotedb()
    for (const query of ['kind=toString', 'kind=constructor&q=drone', 'speaker=__proto__']) {
      const { status, html } = await page(app, `/?${query}`)
      expect(status, query).toBe(400)
      expect(html, query).not.toContain('function')
    }
  })

  it('leads a quotation too long to search word by word to the claim check', async () => {
    const { app } = await seededQuotedb()
    const quotation = Array.from({ length: 39 }, (_, i) => `word${i}`).join(' ')
    const { status, html } = await page(app, `/?q=${encodeURIComponent(quotation)}`)
    expect(status).toBe(400)
    expect(html).toContain('more than 32 words')
    expect(html).toContain(
      `href="/claims?q=${encodeURIComponent(quotation).replaceAll('%20', '+')}"`,
    )
    expect(html).toContain('Check it as a claim: who reported this?')
  })

  it('lists the matching quotes as citations, with facets that narrow the search', async () => {
    const { app } = await seededQuotedb()
    const { status, type, html } = await page(app, '/?q=vaporized')
    expect(status).toBe(200)
    expect(type).toMatch(/^text\/html/)
    expect(html).toContain('<p class="summary" role="status">1 quote, best match first</p>')
    expect(html).toContain('<mark>vaporized</mark>')
    expect(html).toContain('<a href="/speakers/todd-zimmerman">Todd Zimmerman</a>')
    expect(html).toContain('href="?q=vaporized&amp;speaker=todd-zimmerman"')
  })

  it('takes speakers and outlets by name as typed, and moves to the address with their slugs', async () => {
    const { app } = await seededQuotedb()
    const byName = await app.request(
      '/?q=drone&speaker=Trevilla&outlet=The+Independent,+The+New+York+Times',
    )
    expect(byName.status).toBe(302)
    expect(byName.headers.get('location')).toBe(
      '/?q=drone&speaker=ricardo-trevilla&outlet=the-independent&outlet=the-new-york-times',
    )
    const { status, html } = await page(app, byName.headers.get('location')!)
    expect(status).toBe(200)
    expect(html).toContain('<p class="summary" role="status">2 quotes, best match first</p>')
    // The selected facet's link removes the filter.
    expect(html).toMatch(
      /<a href="\?q=drone&amp;outlet=the-independent&amp;outlet=the-new-york-times" aria-current="true"/,
    )
  })

  it('says which name names nothing, and links to the search without it', async () => {
    const { app } = await seededQuotedb()
    const { status, html } = await page(
      app,
      '/?q=drones&speaker=Nobody+At+All&speaker=pete-hegseth',
    )
    expect(status).toBe(400)
    expect(html).toContain('No speaker is called “Nobody At All”.')
    expect(html).toContain('<a href="/?q=drones&amp;speaker=pete-hegseth">Search without it.</a>')
  })

  it('starts every page with a doctype, so browsers render in standards mode', async () => {
    const { app } = await seededQuotedb()
    for (const path of [
      '/',
      '/claims',
      '/speakers/pete-hegseth',
      '/outlets/the-independent',
      '/articles/1',
      '/nowhere',
    ]) {
      expect((await page(app, path)).html, path).toMatch(/^<!DOCTYPE html><html lang="en">/)
    }
  })

  it('treats an offset inside a page as that page, so pages never overlap', async () => {
    const { app } = await seededQuotedb()
    const { html } = await page(app, '/?offset=7')
    expect(html).toContain('1–20 of 27 quotes, newest first')
    expect(html).toContain('<span aria-current="page">1</span>')
    // Without words the default order is newest first, and the order box says so.
    expect(html).toContain('<option value="">Best match first (newest without words)</option>')
  })

  it('says what to loosen when nothing matches: each filter, each word', async () => {
    const { app } = await seededQuotedb()
    const { status, html } = await page(app, '/?q=drone+zeppelin&kind=direct')
    expect(status).toBe(200)
    expect(html).toContain('Nothing found.')
    expect(html).toContain('removing <a href="?q=drone+zeppelin">kind: quotes</a>')
    expect(html).toContain('<a href="?q=zeppelin&amp;kind=direct">without drone</a>')
    expect(html).toContain('<a href="?q=drone&amp;kind=direct">without zeppelin</a>')
    expect(html).toContain('<a href="/claims?q=drone+zeppelin">Who reported this?</a>')
    // Filters alone: no talk of words, no claim to check.
    const filtersOnly = await page(app, '/?speaker=pete-hegseth&cited=the-wall-street-journal')
    expect(filtersOnly.html).toContain('No quote passes every filter. Try:')
    expect(filtersOnly.html).toContain(
      'removing <a href="?cited=the-wall-street-journal">speaker: Pete Hegseth</a>',
    )
    expect(filtersOnly.html).not.toContain('/claims?')
    // A word that is only excluded is never offered alone.
    const excluded = await page(app, '/?q=blimps+-cartels+zeppelin')
    expect(excluded.html).toContain('>without zeppelin</a>')
    expect(excluded.html).not.toContain('>without -cartels</a>')
  })

  it('answers a bad date with 400 and the reason, keeping what was typed', async () => {
    const { app } = await seededQuotedb()
    const { status, html } = await page(app, '/?q=drone&from=2025-13-01')
    expect(status).toBe(400)
    expect(html).toContain(
      'role="alert">The From date must be written YYYY, YYYY-MM or YYYY-MM-DD, such as 2025-02.</p>',
    )
    expect(html).toContain('value="2025-13-01"')
  })

  it('leads back to the first page from a page past the last', async () => {
    const { app } = await seededQuotedb()
    const { html } = await page(app, '/?q=drone&offset=100')
    expect(html).toContain('9 quotes, none on this page.')
    expect(html).toContain('<a href="?q=drone">Back to the first page</a>')
  })

  it('never fails and never echoes markup, whatever is typed in the box', async () => {
    const { app } = await seededQuotedb()
    await fc.assert(
      fc.asyncProperty(
        fc.string({
          maxLength: 40,
          unit: fc.constantFrom(
            '<',
            '>',
            '"',
            "'",
            '&',
            's',
            'c',
            'r',
            'i',
            'p',
            't',
            ' ',
            '/',
            '*',
            '(',
            ')',
            'é',
            'drone',
          ),
        }),
        async (q) => {
          const { status, html } = await page(app, `/?q=${encodeURIComponent(q)}`)
          expect([200, 400]).toContain(status)
          const main = html.slice(html.indexOf('<main'))
          expect(main).not.toMatch(/<script|<\/?s?crip|<[^a-z/!]/i)
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('the other pages', () => {
  it('escapes every stored value: a statement of markup reads as text', async () => {
    const { app } = await seededQuotedb()
    const text = '<script>alert(1)</script> & more'
    const created = await send(app, 'POST', '/api/articles', {
      url: 'https://example.org/markup',
      outlet: { name: 'Example <b>Gazette</b>', domain: 'example.org' },
      title: 'A <img src=x onerror=alert(1)> title',
      published: '2025-03-01',
      body: `“${text},” she said.`,
      quotes: [{ text, kind: 'direct', cue: 'said', speaker: { name: 'Ann <i>Aide</i>' } }],
    })
    expect(created.status).toBe(201)
    const article = created.body as {
      id: number
      outlet: { slug: string }
      statements: Array<{ speaker: { slug: string } }>
    }
    for (const path of [
      '/?q=alert',
      `/speakers/${article.statements[0]!.speaker.slug}`,
      `/outlets/${article.outlet.slug}`,
      `/articles/${article.id}`,
      '/claims?q=alert+more',
    ]) {
      const { status, html } = await page(app, path)
      expect(status, path).toBe(200)
      const main = html.slice(html.indexOf('<main'))
      expect(main, path).not.toMatch(/<script|<img|<b>|<i>/)
      // The search page marks the matched word inside the escaped text.
      expect(main.replaceAll(/<\/?mark>/g, ''), path).toContain(
        '&lt;script&gt;alert(1)&lt;/script&gt; &amp; more',
      )
    }
  })

  it('shows a speaker with who quoted them and their statements newest first', async () => {
    const { app } = await seededQuotedb()
    const { status, html } = await page(app, '/speakers/claudia-sheinbaum')
    expect(status).toBe(200)
    expect(html).toContain('<h1>Claudia Sheinbaum</h1>')
    expect(html).toMatch(
      /<td><a href="\/outlets\/the-independent">The Independent<\/a><\/td><td class="n">.*7/,
    )
    expect(html.match(/<(blockquote|p) class="quote /g)).toHaveLength(7)
  })

  it('checks a claim: the answer first, then each statement with the outlets that carried it', async () => {
    const { app } = await seededQuotedb()
    const { html } = await page(app, '/claims?q=drones+were+flown+over+Mexico+for+years')
    const answer = html.indexOf('<p class="answer">')
    expect(answer).toBeGreaterThan(0)
    expect(answer).toBeLessThan(html.indexOf('<ol class="threads">'))
    expect(html).toContain('different statements, best match first.')
    expect(html).toContain('<mark>drones</mark>')
    // A statement cited to the Journal: the Journal first, as origin and source, the order unknown.
    expect(html).toContain(
      '<span class="when">February 2025 (day unknown)<span class="uncertain"> · order unknown</span></span> <a href="/outlets/the-wall-street-journal">The Wall Street Journal</a><span class="badge origin">Origin</span><span class="badge cited">Cited as the source</span>',
    )
    expect(html).toContain('citing <a href="/outlets/the-wall-street-journal">')
    expect(html).toMatch(/<a href="\/threads\/\d+">the whole thread<\/a>/)
    expect(html).toMatch(/<a href="\/quotes\/\d+">this statement<\/a>/)
  })

  it('pages the claims check, and says so past the last page', async () => {
    const { app } = await seededQuotedb()
    const q = 'drones+were+flown+over+Mexico+for+years'
    const { html } = await page(app, `/claims?q=${q}&offset=0`)
    expect(html).not.toContain('rel="next"')
    // Five statements carry it, all on the first page: the second has none, and says where they are.
    const past = await page(app, `/claims?q=${q}&offset=40`)
    expect(past.status).toBe(200)
    expect(past.html).toContain('No more: the 5 statements that carry this claim are on')
    expect(past.html).not.toContain('No outlet carried this claim')
  })

  it('shows a thread: the words, who said it, the outlets in order, every statement', async () => {
    const { app, store } = await seededQuotedb()
    const zimmerman = await store.getQuote(
      ((await (await app.request('/api/quotes?q=vaporized')).json()) as any).items[0].id,
    )
    const body =
      'They could be in a car, they could be in a house, and they could be vaporized, he said.'
    for (const [outlet, published] of [
      ['Newser', '2025-02-26'],
      ['Latin Times', '2025-03-03'],
    ] as const) {
      const created = await send(app, 'POST', '/api/articles', {
        url: `https://${outlet.replace(' ', '').toLowerCase()}.example/zimmerman`,
        outlet,
        published,
        body,
        quotes: [
          {
            text: 'They could be in a car, they could be in a house, and they could be vaporized',
            kind: 'direct',
            speaker: 'Todd Zimmerman',
            citedOutlet: 'Los Angeles Times',
          },
        ],
      })
      expect(created.status).toBe(201)
    }
    const { html } = await page(app, `/threads/${zimmerman!.thread.id}`)
    expect(html).toContain('<h1>What Todd Zimmerman said, and who carried it</h1>')
    expect(html).toContain('3 statements in 4 outlets')
    const order = [
      ...html.matchAll(/<span class="when">[^]*?<\/span> <a href="\/outlets\/([a-z-]+)">/g),
    ].map((m) => m[1])
    // The LA Times surely carried it by 26 February, when Newser cited it; The Independent's
    // February ends after that.
    expect(order).toEqual(['los-angeles-times', 'newser', 'the-independent', 'latin-times'])
    expect(html).toContain('Latin Times</a><span class="badge reported">Re-reported it</span>')
    // Each statement links back to the thread, and to its own page.
    const { html: quote } = await page(app, `/quotes/${zimmerman!.id}`)
    expect(quote).toContain('The same statement in 4 outlets')
    expect(quote).toContain(`href="/threads/${zimmerman!.thread.id}"`)
    const { html: search } = await page(app, '/?q=vaporized')
    expect(search).toContain(`one of 3 statements in 4 outlets`)
  })

  it('marks each statement in the article text, ending with its speaker', async () => {
    const { app } = await seededQuotedb()
    const { html } = await page(app, '/articles/1')
    expect(
      html.match(/<mark class="(direct|partial|paraphrase)">/g)!.length,
    ).toBeGreaterThanOrEqual(27)
    // The tag follows the closing quotation mark, and says what it is to a screen reader.
    expect(html).toContain(
      'vaporized</mark>,”<a class="speaker-tag" href="/speakers/todd-zimmerman"><span class="visually-hidden">(attributed to </span>Todd Zimmerman<span class="visually-hidden">)</span></a>',
    )
  })

  it('answers an unknown address with an HTML 404 page, and /api ones with JSON', async () => {
    const { app } = await seededQuotedb()
    for (const path of [
      '/speakers/nobody',
      '/outlets/nobody',
      '/articles/999',
      '/articles/abc',
      '/nowhere',
    ]) {
      const { status, type, html } = await page(app, path)
      expect(status, path).toBe(404)
      expect(type, path).toMatch(/^text\/html/)
      expect(html, path).toContain('<a href="/">')
    }
    const api = await page(app, '/api/nowhere')
    expect(api.status).toBe(404)
    expect(api.type).toMatch(/^application\/json/)
  })

  it('shortens a long query in the heading and title, and limits what the boxes take', async () => {
    const { app } = await seededQuotedb()
    const long = 'cartel '.repeat(1500).trim()
    const { html } = await page(app, `/?q=${encodeURIComponent(long)}`)
    const heading = /<h1>([^<]*)<\/h1>/.exec(html)![1]!
    expect(heading.length).toBeLessThan(110)
    expect(heading).toMatch(/…”$/)
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]!.length).toBeLessThan(90)
    expect(html).toContain('maxlength="500"')
    const claims = await page(app, `/claims?q=${encodeURIComponent(long)}`)
    expect(/<title>([^<]*)<\/title>/.exec(claims.html)![1]!.length).toBeLessThan(100)
    expect(claims.html).toContain('<textarea id="claim" name="q" maxlength="500"')
  })

  it('says in plain words what is missing, with no slugs or ids', async () => {
    const { app } = await seededQuotedb()
    for (const [path, words] of [
      ['/speakers/nobody', 'No one is at this address'],
      ['/outlets/nobody', 'No outlet is at this address'],
      ['/articles/999', 'No article is at this address'],
      ['/quotes/999', 'No statement is at this address'],
      ['/threads/999', 'No statement is at this address'],
    ] as const) {
      const { status, html } = await page(app, path)
      expect(status, path).toBe(404)
      expect(html, path).toContain(words)
      expect(html, path).not.toMatch(/slug|the id \d/)
    }
  })

  it('serves its one stylesheet and script, and nothing else under /static', async () => {
    const { app } = await seededQuotedb()
    const css = await page(app, '/static/style.css')
    expect(css.type).toBe('text/css; charset=utf-8')
    expect(css.html).toContain(':focus-visible')
    expect(css.html).not.toMatch(/@import|url\(\s*['"]?https?:/)
    expect((await page(app, '/static/app.js')).type).toBe('text/javascript; charset=utf-8')
    expect((await page(app, '/static/..%2Fapp.ts')).status).toBe(404)
  })
})

describe('the statement page', () => {
  it('shows one statement with its chain, its article and a citation to copy', async () => {
    const { app } = await seededQuotedb()
    const { status, html } = await page(app, '/quotes/17')
    expect(status).toBe(200)
    expect(html).toContain('they could be vaporized')
    expect(html).toContain('<a href="/speakers/todd-zimmerman">Todd Zimmerman</a>')
    expect(html).toContain('<a href="/articles/1">Read it in the article</a>')
    expect(html).toMatch(
      /<textarea id="citation"[^>]*>Todd Zimmerman, [^<]*: “They know that at any time[^<]*”\. Reported by The Independent \(citing Los Angeles Times\), February 2025\. https:\/\/www\.the-independent\.com\/[^<]*<\/textarea>/,
    )
  })

  it('is linked from every search result', async () => {
    const { app } = await seededQuotedb()
    const { html } = await page(app, '/?q=vaporized')
    expect(html).toMatch(/<a class="permalink" href="\/quotes\/17"[^>]*>link<\/a>/)
  })

  it('answers an id that names no statement with the 404 page', async () => {
    const { app } = await seededQuotedb()
    for (const path of ['/quotes/99999', '/quotes/abc', '/quotes/0', '/quotes/99999999999999999']) {
      const { status, html } = await page(app, path)
      expect(status, path).toBe(404)
      expect(html).toContain('<h1>Not found</h1>')
    }
  })

  it('escapes a stored statement of markup', async () => {
    const { app } = await seededQuotedb()
    const created = await send(app, 'POST', '/api/articles', {
      url: 'https://example.com/markup-statement',
      outlet: 'The Independent',
      published: '2025',
      quotes: [
        { text: '<script>alert(1)</script> words', kind: 'paraphrase', speaker: 'Mal Icious' },
      ],
    })
    const id = created.body.statements[0].id
    const { html } = await page(app, `/quotes/${id}`)
    expect(html).not.toContain('<script>alert')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; words')
  })
})
