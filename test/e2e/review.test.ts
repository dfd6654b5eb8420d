/**
 * The review queue in a real browser (Debian's Chromium) against the real server process: a
 * reviewer signs in with the write token, then accepts, corrects and rejects what the extractor
 * stored; another site's page cannot do it for them. Screenshots go to `screenshots/`.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Article, QuoteResult } from '../../src/domain/types'
import { REVIEW_ARTICLE } from '../review-article'
import { startServer, type RunningServer } from './server-process'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const SCREENSHOTS = 'screenshots'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium && process.env.QUOTEDB_REQUIRE_BROWSER) {
  throw new Error(`No Chromium at ${CHROMIUM} for the browser tests (apt-get install -y chromium).`)
}

let server: RunningServer
let browser: Browser
/** The statements the extractor stored from the article, by their first words. */
let statements: Article['statements']

const statementStarting = (words: string) => statements.find((s) => s.text.startsWith(words))!

async function quote(id: number): Promise<{ status: number; body: QuoteResult }> {
  const response = await fetch(`${server.url}/api/quotes/${id}`)
  return { status: response.status, body: (await response.json()) as QuoteResult }
}

describe.runIf(hasChromium)('reviewing in Chromium', () => {
  beforeAll(async () => {
    server = await startServer()
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    })
    const response = await fetch(`${server.url}/api/articles?extract=true`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(REVIEW_ARTICLE),
    })
    expect(response.status).toBe(201)
    statements = ((await response.json()) as Article).statements
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** A page in a context of its own that fails the test on any page error. */
  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())))
    await page.goto(server.url + path)
    return { context, page, problems }
  }

  async function signIn(page: Page) {
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('Write token').fill(server.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/review`)
  }

  const entry = (page: Page, id: number) => page.locator(`#statement-${id}`)

  it('shows the queue to a reader, with no way to decide until signed in', async () => {
    const { context, page, problems } = await open('/review')
    await expect(page.locator('h1').innerText()).resolves.toBe('Review')
    expect(await page.locator('.review-item').count()).toBe(statements.length)
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0)
    // The least sure first: the percentages never fall down the page.
    const sure = (await page.locator('.confidence').allInnerTexts()).map((t) => parseInt(t, 10))
    expect(sure).toEqual([...sure].sort((a, b) => a - b))
    await page.screenshot({ path: `${SCREENSHOTS}/review-reader-desktop.png`, fullPage: true })
    expect(problems).toEqual([])
    await context.close()
  })

  it('signs in with the token: an HttpOnly, SameSite=Strict cookie no script can read', async () => {
    const { context, page, problems } = await open('/review')
    await page.getByRole('link', { name: 'Sign in' }).click()
    await page.getByLabel('Write token').fill('not-the-token')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert').innerText()).resolves.toContain('not the write token')
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in-desktop.png` })
    // The refusal is a 401, which the console reports; nothing else may be there.
    expect(problems).toEqual([expect.stringContaining('status of 401')])
    problems.length = 0
    await page.getByLabel('Write token').fill(server.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${server.url}/review`)
    const [cookie] = await context.cookies()
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    expect(cookie!.value).not.toContain(server.token)
    expect(await page.evaluate<string>('document.cookie')).toBe('')
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(statements.length)
    expect(problems).toEqual([])
    await context.close()
  })

  it('accepts, corrects and rejects, each saying what it did', async () => {
    const { context, page, problems } = await open('/review')
    await signIn(page)

    const accepted = statementStarting('We have studied')
    await entry(page, accepted.id).getByRole('button', { name: 'Accept' }).click()
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      `Statement ${accepted.id} accepted`,
    )
    expect(await entry(page, accepted.id).count()).toBe(0)
    expect((await quote(accepted.id)).body.extraction).toBeNull()

    const captain = statementStarting('Nobody asked')
    const item = entry(page, captain.id)
    await item.getByText('Correct…').click()
    await item.getByLabel('Speaker', { exact: true }).fill('Tor Halvorsen')
    await item.getByLabel('Speaker’s title in this article').fill('trawler captain')
    await item.getByLabel('Kind').selectOption('partial')
    await item.getByLabel('Words, as printed in the article').fill('asked the fishermen')
    await page.screenshot({ path: `${SCREENSHOTS}/review-correcting-desktop.png`, fullPage: true })
    await item.getByRole('button', { name: 'Save correction' }).click()
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      `Statement ${captain.id} corrected`,
    )
    expect((await quote(captain.id)).body).toMatchObject({
      text: 'asked the fishermen',
      kind: 'partial',
      speaker: { name: 'Tor Halvorsen', title: 'trawler captain' },
      extraction: null,
      verified: true,
    })

    const rejected = statementStarting('the plan was approved')
    await entry(page, rejected.id).getByRole('button', { name: 'Reject' }).click()
    await expect(page.getByRole('status').innerText()).resolves.toContain(
      `Statement ${rejected.id} rejected`,
    )
    expect((await quote(rejected.id)).status).toBe(404)
    expect(problems).toEqual([])
    await context.close()
  })

  it('fits the queue on a phone', async () => {
    const { context, page } = await open('/review', { width: 390, height: 844 })
    await signIn(page)
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `${SCREENSHOTS}/review-phone.png` })
    await context.close()
  })

  // The browser itself keeps the SameSite=Strict cookie from another site's post, so the server
  // sees no session; the form-token and Sec-Fetch-Site checks behind it are tested over HTTP
  // (test/http/review-pages.test.ts).
  it('does nothing for a form another site posts with the reviewer signed in', async () => {
    const { context, page } = await open('/review')
    await signIn(page)
    const queue = await fetch(`${server.url}/api/review`)
    const [waiting] = ((await queue.json()) as { items: Array<{ statement: QuoteResult }> }).items
    const target = waiting!.statement
    // Another site (localhost is not 127.0.0.1) whose page posts a rejection as soon as it opens.
    const attacker = await serveOnce(
      `<form id="f" method="post" action="${server.url}/review/${target.id}">
         <input name="decision" value="reject"></form>
       <script>document.getElementById('f').submit()</script>`,
    )
    await attackerVisit(context, attacker.url)
    expect((await quote(target.id)).status).toBe(200)
    expect((await quote(target.id)).body.extraction).not.toBeNull()
    attacker.server.close()
    await context.close()
  })
})

/** Serves one page at a `localhost` address: another site than the server's `127.0.0.1`. */
async function serveOnce(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    response.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server }
}

/** Opens the attacker's page in the reviewer's browser and waits for its form post's answer. */
async function attackerVisit(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage()
  const posted = page.waitForResponse((r) => r.request().method() === 'POST')
  await page.goto(url)
  const response = await posted
  expect([401, 403]).toContain(response.status())
  await page.close()
}
