/**
 * Writes against the real server, the way a busy or hostile client makes them: many at once
 * while an upload is held open, uploads that trickle or stall, speakers that share an alias.
 * Every write answered 2xx is in the database and in search afterwards; none is answered 500;
 * reads are answered within a second throughout.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readWhile, sql, stall, trickle } from './load-helpers'
import { startServer, type RunningServer } from './server-process'

const servers: RunningServer[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop()
})

async function serve(env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await startServer(undefined, env)
  servers.push(server)
  return server
}

const auth = (server: RunningServer) => ({ Authorization: `Bearer ${server.token}` })

async function call(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const response = await fetch(server.url + path, {
    method,
    headers: { ...auth(server), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null }
}

/** NDJSON of `n` articles, each with one statement. */
function articlesNdjson(n: number, tag: string): string[] {
  return [...Array(n).keys()].map(
    (i) =>
      `${JSON.stringify({
        type: 'article',
        url: `https://uploads.example/${tag}/${i}`,
        outlet: 'Upload Gazette',
        published: '2025-04-01',
        body: `Uploaded statement ${tag} ${i} was made, she said.`,
        quotes: [{ text: `Uploaded statement ${tag} ${i} was made`, kind: 'paraphrase' }],
      })}\n`,
  )
}

describe('writes while an upload is held open', () => {
  it('are each done at once, kept, searchable, and never a 500', async () => {
    const server = await serve()
    const sentences = [...Array(15).keys()].map((i) => `Doomed sentence number ${i} is here.`)
    const created = await call(server, 'POST', '/api/articles', {
      url: 'https://held.example/doomed',
      outlet: 'Held Herald',
      published: '2025-04-02',
      body: sentences.join(' '),
      quotes: sentences.map((text) => ({ text, kind: 'paraphrase' })),
    })
    expect(created.status).toBe(201)
    const doomed: number[] = created.body.statements.map((s: { id: number }) => s.id)
    expect(doomed).toHaveLength(15)

    // An import whose body arrives in two parts, 1.5 s apart.
    const lines = articlesNdjson(40, 'held')
    let uploadDone = 0
    const upload = fetch(`${server.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'application/x-ndjson' },
      body: trickle([lines.slice(0, 20).join(''), lines.slice(20).join('')], 1500),
      duplex: 'half',
    } as RequestInit).then(async (r) => {
      uploadDone = performance.now()
      return { status: r.status, body: (await r.json()) as any }
    })
    await new Promise((r) => setTimeout(r, 100))

    let writesDone = 0
    const writes = Promise.all([
      ...doomed.map((id) => call(server, 'DELETE', `/api/quotes/${id}`)),
      // Refused writes: a statement that is not in its article's text.
      ...[...Array(15).keys()].map((i) =>
        call(server, 'POST', '/api/articles', {
          url: `https://held.example/refused/${i}`,
          outlet: 'Held Herald',
          published: '2025-04-02',
          body: 'Nothing quotable.',
          quotes: [{ text: 'words nobody wrote', kind: 'direct' }],
        }),
      ),
      ...[...Array(15).keys()].map((i) =>
        call(server, 'POST', '/api/speakers', {
          slug: `held-speaker-${i}`,
          name: `Held Speaker ${i}`,
        }),
      ),
    ]).then((all) => {
      writesDone = performance.now()
      return all
    })
    const reads = readWhile(server.url, ['/api/health', '/api/quotes?q=drones', '/'], writes)
    const answers = await writes
    const imported = await upload

    expect(answers.slice(0, 15).map((a) => a.status)).toEqual(Array(15).fill(204))
    expect(answers.slice(15, 30).map((a) => a.status)).toEqual(Array(15).fill(400))
    expect(answers[15]!.body.error.param).toBe('quotes.0.text')
    expect(answers.slice(30).map((a) => a.status)).toEqual(Array(15).fill(201))
    expect(imported.status).toBe(200)
    expect(imported.body.added.quotes).toBe(40)
    // Nothing of a write waits for an upload still arriving.
    expect(writesDone).toBeLessThan(uploadDone)
    const { slowestMs, failed } = await reads
    expect(failed).toEqual([])
    expect(slowestMs).toBeLessThan(1000)

    // Kept: in the database, in search, in the counts.
    const left = sql<{ id: number }>(
      server.database,
      `SELECT id FROM quotes WHERE id IN (${doomed.join(',')})`,
    )
    expect(left).toEqual([])
    const found = (await (await fetch(`${server.url}/api/quotes?q=doomed&limit=100`)).json()) as any
    expect(found.total).toBe(0)
    const speakers = sql<{ slug: string }>(
      server.database,
      "SELECT slug FROM speakers WHERE slug LIKE 'held-speaker-%'",
    )
    expect(speakers).toHaveLength(15)
    const suggested = (await (
      await fetch(`${server.url}/api/speakers?q=held%20speaker&limit=100`)
    ).json()) as any
    expect(suggested.total).toBe(15)
    const [counts] = sql<{ quotes: number; speakers: number }>(
      server.database,
      'SELECT (SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM speakers) AS speakers',
    )
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as any
    expect(health.counts).toMatchObject(counts!)
    const uploaded = (await (
      await fetch(`${server.url}/api/quotes?q=uploaded&limit=1`)
    ).json()) as any
    expect(uploaded.total).toBe(40)
  }, 60_000)
})

describe('uploads that trickle or stall', () => {
  it('hold no read while they trickle, and are timed out when they stall or take too long', async () => {
    const server = await serve({ QUOTEDB_UPLOAD_TIMEOUT: '3' })
    const lines = articlesNdjson(10, 'trickle')
    const trickled = fetch(`${server.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'application/x-ndjson' },
      body: trickle(lines, 200),
      duplex: 'half',
    } as RequestInit)
    const reads = await readWhile(
      server.url,
      ['/api/health', '/api/quotes?q=sovereignty', '/', '/static/style.css'],
      trickled,
    )
    expect((await trickled).status).toBe(200)
    expect(reads.failed).toEqual([])
    expect(reads.slowestMs).toBeLessThan(1000)
    expect(reads.answered).toBeGreaterThan(10)

    const started = performance.now()
    const stalled = await fetch(`${server.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'application/x-ndjson' },
      body: stall(lines[0]!),
      duplex: 'half',
    } as RequestInit)
    expect(stalled.status).toBe(408)
    expect(await stalled.json()).toEqual({
      error: {
        code: 'request_timeout',
        message:
          'The request body did not arrive in time: it must arrive within 3 s, with no pause over 3 s.',
      },
    })
    expect(performance.now() - started).toBeLessThan(6000)

    // A body that keeps coming, a little at a time, for longer than the limit.
    const slow = await fetch(`${server.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'application/x-ndjson' },
      body: trickle(articlesNdjson(6, 'slow'), 900),
      duplex: 'half',
    } as RequestInit)
    expect(slow.status).toBe(408)
    // Nothing of either was written.
    const [{ n }] = sql<{ n: number }>(
      server.database,
      "SELECT count(*) AS n FROM articles WHERE url LIKE 'https://uploads.example/slow/%'",
    ) as [{ n: number }]
    expect(n).toBe(0)
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  }, 60_000)
})

describe('speakers who share an alias', () => {
  const records = [
    {
      type: 'speaker',
      slug: 'james-o-haddad',
      name: 'James O. Haddad',
      aliases: ['Minister Haddad'],
    },
    {
      type: 'speaker',
      slug: 'lars-r-haddad',
      name: 'Lars R. Haddad',
      aliases: ['Minister Haddad'],
    },
    {
      type: 'article',
      url: 'https://haddad.example/1',
      outlet: 'Haddad Post',
      published: '2025-05-01',
      body: 'The budget is final, Minister Haddad said. Taxes will not rise, he added.',
      quotes: [
        { text: 'The budget is final', kind: 'paraphrase', speaker: 'lars-r-haddad' },
        { text: 'Taxes will not rise', kind: 'paraphrase', speaker: 'james-o-haddad' },
      ],
    },
  ]
  const ndjson = (items: unknown[]) => items.map((r) => JSON.stringify(r)).join('\n')
  const importBody = (server: RunningServer, body: string) =>
    fetch(`${server.url}/api/import?format=ndjson`, {
      method: 'POST',
      headers: { ...auth(server), 'Content-Type': 'application/x-ndjson' },
      body,
    })
  const owners = async (server: RunningServer) => {
    const all = (await (
      await fetch(`${server.url}/api/quotes?outlet=haddad-post&limit=10`)
    ).json()) as any
    return Object.fromEntries(
      all.items.map((q: { text: string; speaker: { slug: string } }) => [q.text, q.speaker.slug]),
    )
  }

  it('keep each quote with the speaker its record names, through export and import again', async () => {
    const first = await serve()
    const response = await importBody(first, ndjson(records))
    expect(response.status).toBe(200)
    expect(((await response.json()) as any).added.speakers).toBe(2)
    const expected = {
      'The budget is final': 'lars-r-haddad',
      'Taxes will not rise': 'james-o-haddad',
    }
    expect(await owners(first)).toEqual(expected)

    // The shared alias names neither: a quote by it is refused with both slugs.
    const ambiguous = await importBody(
      first,
      ndjson([
        {
          article: 'https://haddad.example/1',
          text: 'Taxes will not rise',
          kind: 'direct',
          speaker: 'Minister Haddad',
        },
      ]),
    )
    expect(ambiguous.status).toBe(400)
    expect(((await ambiguous.json()) as any).error.message).toBe(
      '1 of 1 records are not valid; nothing was imported. Line 1, speaker: speaker "Minister Haddad" matches several speakers (james-o-haddad, lars-r-haddad); name it by slug.',
    )

    const exported = await (await fetch(`${first.url}/api/quotes.ndjson`)).text()
    const second = await serve({ QUOTEDB_SEED: 'false' })
    expect((await importBody(second, exported)).status).toBe(200)
    expect(await owners(second)).toEqual(expected)
  }, 60_000)
})
