/**
 * Exports: the whole database read a page at a time by id, so that what changes meanwhile shifts
 * nothing else out of it.
 */
import { describe, expect, it } from 'vitest'
import { quotedbWith } from '../helpers'

const speakers = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'speaker',
    slug: `${prefix}-${String(i).padStart(4, '0')}`,
    name: `${prefix} ${i}`,
  }))

async function readAll(chunks: AsyncIterable<string>, between?: (read: string) => Promise<void>) {
  let text = ''
  for await (const chunk of chunks) {
    text += chunk
    await between?.(text)
  }
  return text
}

describe('exportQuotes of everything', () => {
  it('writes every speaker still stored once, though others are removed while it runs', async () => {
    const { services } = await quotedbWith([...speakers(600, 'early'), ...speakers(600, 'late')])
    const chunks = await services.exportQuotes('ndjson', {})
    let removed = false
    const text = await readAll(chunks, async (read) => {
      // Once the first page of speakers is out, remove them all: the next page must not skip ahead.
      if (removed || !read.includes('"early-0499"')) return
      removed = true
      for (let i = 0; i < 500; i++)
        await services.deleteSpeaker(`early-${String(i).padStart(4, '0')}`)
    })
    expect(removed).toBe(true)
    const slugs = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; slug?: string })
      .filter((r) => r.type === 'speaker')
      .map((r) => r.slug!)
    expect(new Set(slugs).size).toBe(slugs.length)
    for (let i = 0; i < 600; i++) expect(slugs).toContain(`late-${String(i).padStart(4, '0')}`)
    for (let i = 500; i < 600; i++) expect(slugs).toContain(`early-${String(i).padStart(4, '0')}`)
  })
})
