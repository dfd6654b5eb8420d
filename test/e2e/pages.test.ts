/**
 * The web pages in a real browser (Debian's Chromium through playwright-core) against the real
 * server process: what a reporter does on the site, with and without JavaScript. Screenshots of
 * every page at desktop and phone width are written to `screenshots/`.
 *
 * Code run inside the page is given as strings: the project's types describe Node, not the DOM.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from './server-process'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOTS = 'screenshots'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) {
  const message = `No Chromium at ${CHROMIUM} for the browser tests (apt-get install -y chromium).`
  // CI sets QUOTEDB_REQUIRE_BROWSER so that a missing browser fails rather than skips.
  if (process.env.QUOTEDB_REQUIRE_BROWSER) throw new Error(message)
  console.warn(`Browser tests skipped. ${message}`)
}

const HOSTILE_URL = 'https://www.example.org/2025/03/aide-interview'
const HOSTILE_QUOTE = `<script>window.pwned = true; alert('pwned')</script> is not a plan`

let server: RunningServer
let browser: Browser
/** Where the hostile statement's speaker and outlet live, as the server named them. */
let hostile: { speaker: string; outlet: string }
/** The thread of the DEA agent's words, carried by four outlets. */
let thread: number

describe.runIf(hasChromium)('the web pages in Chromium', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    // A statement whose words are markup: every page must show it as text.
    const response = await fetch(`${server.url}/api/articles`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify({
        url: HOSTILE_URL,
        outlet: { name: 'Example Gazette <b>bold</b>', domain: 'example.org' },
        title: 'An aide <img src=x onerror="window.pwned=true"> speaks',
        published: '2025-03-02',
        body: `“${HOSTILE_QUOTE},” the aide said.`,
        quotes: [
          {
            text: HOSTILE_QUOTE,
            kind: 'direct',
            cue: 'said',
            speaker: { name: 'Dana <i>Aide</i> Ruiz' },
          },
        ],
      }),
    })
    expect(response.status).toBe(201)
    const article = (await response.json()) as {
      outlet: { slug: string }
      statements: Array<{ speaker: { slug: string } }>
    }
    hostile = { speaker: article.statements[0]!.speaker.slug, outlet: article.outlet.slug }
    // The DEA agent's words re-reported by two more outlets: a thread to show.
    const words = 'They could be in a car, they could be in a house, and they could be vaporized'
    for (const [outlet, published] of [
      ['Newser', '2025-02-26'],
      ['Latin Times', '2025-03-03'],
    ] as const) {
      const reReport = await fetch(`${server.url}/api/articles`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
        body: JSON.stringify({
          url: `https://${outlet.replace(' ', '').toLowerCase()}.example/zimmerman`,
          outlet,
          published,
          body: `“${words},” Zimmerman told the Los Angeles Times.`,
          quotes: [
            {
              text: words,
              kind: 'direct',
              speaker: 'Todd Zimmerman',
              citedOutlet: 'Los Angeles Times',
            },
          ],
        }),
      })
      expect(reReport.status).toBe(201)
      thread = ((await reReport.json()) as { statements: Array<{ id: number }> }).statements[0]!.id
    }
    const found = await fetch(`${server.url}/api/quotes/${thread}`)
    thread = ((await found.json()) as { thread: { id: number } }).thread.id
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** A fresh page that fails the test on any dialog, page error or failed request. */
  async function open(
    path: string,
    options: { javaScript?: boolean; width?: number; height?: number } = {},
  ) {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScript ?? true,
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const problems: string[] = []
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`)
      void dialog.dismiss()
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    // A resource the content security policy refused shows only in the console.
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`))
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) problems.push(`external request: ${request.url()}`)
    })
    await page.goto(server.url + path)
    return { page, problems, close: () => context.close() }
  }

  const summary = (page: Page) => page.locator('#results .summary').innerText()

  it('searches from the box on the home page, marking the matched words', async () => {
    const { page, problems, close } = await open('/', { javaScript: false })
    await page.getByRole('searchbox', { name: 'Words to find' }).fill('drone')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?q=drone/)
    expect(await summary(page)).toMatch(/^9 quotes/)
    const marks = await page.locator('#results mark').allInnerTexts()
    expect(marks.length).toBeGreaterThanOrEqual(9)
    for (const word of marks) expect(word.toLowerCase()).toMatch(/^drones?$/)
    // The title says what the page shows: the words and how many quotes hold them.
    expect(await page.title()).toBe('“drone” (9 quotes) · quotedb')
    expect(problems).toEqual([])
    await close()
  })

  it('narrows a search by a facet, and widens it again from the same facet', async () => {
    const { page, problems, close } = await open('/?q=drone')
    const facet = page.locator('aside.facets section', { hasText: 'Speaker' })
    await facet.getByRole('link', { name: 'Ricardo Trevilla' }).click()
    await page.waitForURL(/speaker=ricardo-trevilla/)
    expect(await summary(page)).toMatch(/^2 quotes/)
    for (const chain of await page.locator('#results p.chain').allInnerTexts())
      expect(chain).toContain('Ricardo Trevilla')
    // The URL holds the whole search: loading it again gives the same page.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search)
    expect(await summary(again.page)).toMatch(/^2 quotes/)
    await again.close()
    await page
      .locator('aside.facets a[aria-current="true"]', { hasText: 'Ricardo Trevilla' })
      .click()
    await page.waitForURL((url) => !url.search.includes('speaker='))
    expect(await summary(page)).toMatch(/^9 quotes/)
    expect(problems).toEqual([])
    await close()
  })

  it('says what to loosen when nothing matches', async () => {
    const { page, close } = await open('/?q=drone+zeppelin&speaker=pete-hegseth')
    const nothing = page.locator('.nothing')
    await expect(nothing.innerText()).resolves.toMatch(/Nothing found/)
    await nothing.getByRole('link', { name: 'speaker: Pete Hegseth' }).click()
    await page.waitForURL((url) => !url.search.includes('speaker='))
    // No quote holds both words: those holding one follow, and the page says so.
    await expect(page.locator('.query-notes .partial').innerText()).resolves.toMatch(
      /No quote holds all 2 words/,
    )
    expect(await summary(page)).toMatch(/^9 quotes/)
    await close()
  })

  it('puts the results first on a phone, the filters one tap away and named as people know them', async () => {
    const { page, problems, close } = await open('/?q=drone&speaker=ricardo-trevilla', {
      width: 390,
      height: 844,
    })
    const first = await page.locator('#result-list ol > li').first().boundingBox()
    expect(first!.y).toBeLessThan(844 - 100)
    // The active filter is listed above the results, and the panel is closed until asked for.
    await expect(page.locator('ul.active-filters').innerText()).resolves.toContain(
      'speaker: Ricardo Trevilla',
    )
    const speakerBox = page.locator('input[name=speaker]')
    expect(await speakerBox.isVisible()).toBe(false)
    await page.getByText('Filters (1 active)').click()
    expect(await speakerBox.inputValue()).toBe('Ricardo Trevilla')
    await page.screenshot({ path: `${SCREENSHOTS}/search-filters-open-phone.png` })
    expect(problems).toEqual([])
    await close()
  })

  it('shows the whole of every order in the Order menu at desktop width', async () => {
    const { page, close } = await open('/?q=drone')
    await page.getByText('Filters').first().click()
    const room = await page.evaluate<number>(`(() => {
      const select = document.querySelector('select[name=sort]')
      const context = document.createElement('canvas').getContext('2d')
      context.font = getComputedStyle(select).font
      const widest = Math.max(...[...select.options].map((o) => context.measureText(o.text).width))
      return select.getBoundingClientRect().width - widest
    })()`)
    // Room for the longest option, its padding and the arrow.
    expect(room).toBeGreaterThan(30)
    await close()
  })

  it('updates results as the user types, when scripts run', async () => {
    const { page, problems, close } = await open('/')
    await page
      .getByRole('searchbox', { name: 'Words to find' })
      .pressSequentially('vaporized', { delay: 20 })
    await page.waitForURL(/\?q=vaporized/)
    await expect(page.locator('#results mark').first().innerText()).resolves.toBe('vaporized')
    expect(await page.locator('h1').innerText()).toBe('Quotes matching “vaporized”')
    expect(problems).toEqual([])
    await close()
  })

  it('suggests speakers in the filter box, when scripts run', async () => {
    const { page, close } = await open('/')
    await page.locator('details.filters summary').click()
    await page.getByRole('combobox', { name: 'Speaker' }).pressSequentially('sheinb', { delay: 20 })
    await expect
      .poll(() =>
        page.evaluate(
          `[...document.querySelectorAll('#speaker-names option')].map((o) => o.value)`,
        ),
      )
      .toContain('Claudia Sheinbaum')
    await close()
  })

  it('opens a speaker from a result: who they are, who quoted them, their statements', async () => {
    const { page, problems, close } = await open('/?q=sovereignty', { javaScript: false })
    await page
      .locator('#results p.chain')
      .getByRole('link', { name: 'Claudia Sheinbaum' })
      .first()
      .click()
    await page.waitForURL(/\/speakers\/claudia-sheinbaum$/)
    expect(await page.locator('h1').innerText()).toBe('Claudia Sheinbaum')
    expect(await page.locator('dl.facts').innerText()).toMatch(/President of Mexico/)
    expect(await page.locator('table.counts').innerText()).toMatch(/The Independent\s+7/)
    expect(await page.locator('ol.results > li').count()).toBe(7)
    expect(problems).toEqual([])
    await close()
  })

  it('checks who reported a claim: the answer first, the cited source before who re-reported it', async () => {
    const { page, problems, close } = await open('/claims', { javaScript: false })
    await page
      .getByLabel('A claim, in your own words')
      .fill('the drones were only doing surveillance of the cartels')
    await page.getByRole('button', { name: 'Find who reported it' }).click()
    await page.waitForURL(/\/claims\?q=/)
    expect(await page.locator('.best .answer').innerText()).toMatch(/outlets? in all\.$/)
    const threads = page.locator('ol.threads > li')
    expect(await threads.count()).toBeGreaterThanOrEqual(2)
    const cited = threads.filter({ hasText: 'Cited as the source' }).first()
    const timeline = await cited.locator('ol.timeline > li').allInnerTexts()
    expect(timeline[0]).toMatch(
      /order unknown\s+The Wall Street Journal\s*Origin\s*Cited as the source/,
    )
    expect(timeline[1]).toMatch(/The Independent\s*Re-reported it citing The Wall Street Journal/)
    await cited.getByRole('link', { name: 'the whole thread' }).click()
    await page.waitForURL(/\/threads\/\d+$/)
    expect(await page.locator('h1').innerText()).toMatch(/and who carried it$/)
    expect(problems).toEqual([])
    await close()
  })

  it('shows a statement made of markup as text on every page, running none of it', async () => {
    const pages = [
      '/?q=pwned',
      `/?q=plan&speaker=${hostile.speaker}`,
      `/speakers/${hostile.speaker}`,
      `/outlets/${hostile.outlet}`,
      '/claims?q=script+is+not+a+plan',
    ]
    for (const path of pages) {
      const { page, problems, close } = await open(path)
      expect(await page.locator('main').innerText(), path).toContain(
        `${'<script>'}window.pwned = true; alert('pwned')</script>`,
      )
      expect(await page.locator('main script, main img').count(), path).toBe(0)
      expect(await page.evaluate<unknown>('window.pwned'), path).toBeUndefined()
      expect(problems, path).toEqual([])
      await close()
    }
    const { page, close } = await open('/?q=pwned')
    await page.locator('#results p.chain a', { hasText: 'March 2025' }).click()
    expect(await page.locator('h1').innerText()).toBe(
      'An aide <img src=x onerror="window.pwned=true"> speaks',
    )
    expect(await page.locator('.article-text mark').innerText()).toBe(HOSTILE_QUOTE)
    expect(await page.locator('.article-text .speaker-tag').textContent()).toBe(
      '(attributed to Dana <i>Aide</i> Ruiz)',
    )
    await close()
  })

  it('asks the claim with Enter, and starts a new line with Shift+Enter, when scripts run', async () => {
    const { page, problems, close } = await open('/claims')
    const box = page.getByLabel('A claim, in your own words')
    await box.click()
    await page.keyboard.type('drones over Mexico')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.type('for years')
    expect(await box.inputValue()).toBe('drones over Mexico\nfor years')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/claims\?q=drones/)
    expect(await page.locator('.best .answer').count()).toBe(1)
    expect(problems).toEqual([])
    await close()
  })

  it('labels every form control and can be used from the keyboard', async () => {
    for (const path of ['/', '/claims']) {
      const { page, close } = await open(path)
      const unlabelled = await page.evaluate(
        `[...document.querySelectorAll('input, select, textarea')].filter((c) => c.labels.length === 0).map((c) => c.outerHTML)`,
      )
      expect(unlabelled, path).toEqual([])
      await close()
    }
    const { page, close } = await open('/')
    await page.keyboard.press('Tab')
    expect(await page.evaluate<unknown>('document.activeElement?.textContent')).toBe(
      'Skip to content',
    )
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    expect(await page.evaluate<unknown>(`document.activeElement?.getAttribute('name')`)).toBe('q')
    await page.keyboard.type('chapo')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\?q=chapo/)
    expect(await summary(page)).toMatch(/quotes?, best match first/)
    await close()
  })

  it('answers an unknown page with a page that leads back', async () => {
    const { page, close } = await open('/speakers/nobody-at-all')
    expect(await page.locator('h1').innerText()).toMatch(/not found/i)
    await page
      .getByRole('link', { name: /search/i })
      .first()
      .click()
    await page.waitForURL(`${server.url}/`)
    await close()
  })

  it('fits every page on a phone and writes screenshots at desktop and phone width', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const pages = {
      search: '/?q=drone',
      'search-filtered': '/?q=drone&cited=the-wall-street-journal&cited=the-new-york-times',
      'nothing-found': '/?q=blimp+zeppelin',
      'search-partial': '/?q=what+did+the+DEA+agent+say+about+drones',
      'search-unnamed': '/?anonymous=true&facetSize=20',
      speaker: '/speakers/claudia-sheinbaum',
      outlet: '/outlets/the-new-york-times',
      claims: '/claims?q=drones+were+flown+over+Mexico+for+years',
      article: '/articles/1',
      thread: `/threads/${thread}`,
      quote: `/quotes/${thread}`,
    }
    for (const [name, path] of Object.entries(pages)) {
      for (const [device, width, height] of [
        ['desktop', 1280, 900],
        ['phone', 390, 844],
      ] as const) {
        const { page, close } = await open(path, { width, height })
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        )
        expect(overflow, `${name} at ${device} width`).toBeLessThanOrEqual(0)
        await page.screenshot({
          path: `${SCREENSHOTS}/${name}-${device}.png`,
          fullPage: device === 'phone' ? false : true,
        })
        await close()
      }
    }
  }, 120_000) // every page opened at two widths: slow beside the other suites on two cores
})
