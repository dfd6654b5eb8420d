/**
 * Turning an FTS5 snippet, with its private-use match markers, into HTML that is safe to show:
 * every character of the quote escaped, every matched word inside `<mark>`.
 */
import { SNIPPET } from './options'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes the five characters that are special in HTML text and attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

// FTS5 marks "U.S" of "U.S.": the index holds the letters, not the final dot. Marking the dot too
// reads as the reader expects.
const INITIALS_BEFORE_DOT = /(<mark>(?:\p{L}\.)+\p{L})<\/mark>\./gu

/** The snippet as HTML: text escaped, matches wrapped in `<mark>…</mark>`. */
export function snippetToHtml(snippet: string): string {
  let html = ''
  let open = false
  for (const part of snippet.split(new RegExp(`([${SNIPPET.open}${SNIPPET.close}])`))) {
    if (part === SNIPPET.open && !open) {
      html += '<mark>'
      open = true
    } else if (part === SNIPPET.close && open) {
      html += '</mark>'
      open = false
    } else if (part !== SNIPPET.open && part !== SNIPPET.close) {
      html += escapeHtml(part)
    }
  }
  if (open) html += '</mark>'
  return html.replace(INITIALS_BEFORE_DOT, '$1.</mark>')
}
