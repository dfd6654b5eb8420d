import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeHtml, snippetToHtml } from '../../src/search/highlight'
import { SNIPPET } from '../../src/search/options'

const mark = (text: string) => `${SNIPPET.open}${text}${SNIPPET.close}`

describe('snippetToHtml', () => {
  it('wraps matched words in <mark>', () => {
    expect(snippetToHtml(`they could be ${mark('vaporized')}`)).toBe(
      'they could be <mark>vaporized</mark>',
    )
  })

  it('escapes the quote text, so markup in a quote shows as text', () => {
    expect(snippetToHtml(`<script>alert("${mark('x')}")</script>`)).toBe(
      '&lt;script&gt;alert(&quot;<mark>x</mark>&quot;)&lt;/script&gt;',
    )
  })

  it('marks the final dot of matched initials', () => {
    expect(snippetToHtml(`the ${mark('U.S')}. is`)).toBe('the <mark>U.S.</mark> is')
  })

  it('closes a mark left open at the end of a cut snippet', () => {
    expect(snippetToHtml(`${SNIPPET.open}drone`)).toBe('<mark>drone</mark>')
  })

  it('never lets a tag other than <mark> through', () => {
    const text = fc.string({ maxLength: 60 })
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.boolean()), { maxLength: 6 }), (parts) => {
        const html = snippetToHtml(parts.map(([t, matched]) => (matched ? mark(t) : t)).join(''))
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/)
      }),
    )
  })
})

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    )
  })
})
