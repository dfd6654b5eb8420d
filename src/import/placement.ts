/**
 * Where a quote stands in its article: offsets checked against the body, or found in it when the
 * record gives none. The one check every write path makes, so a stored quote's text always stands
 * verbatim at its offsets.
 */

export type Placement =
  | { ok: true; start: number | null; end: number | null }
  | { ok: false; field: 'text' | 'start' | 'end'; message: string }

/** A short, one-line excerpt of a text, to name it in a message. */
export function excerpt(text: string, length = 48): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`
}

/**
 * Checks or finds `text` in `body`. Without a body there is nothing to check against: the quote is
 * stored without offsets (unverified). Without offsets, the text is looked up and must occur once
 * — or, given `near` (where the statement stood, for a correction of its words), it is taken where
 * it stands nearest to that offset.
 */
export function placeQuote(
  text: string,
  body: string | null,
  start: number | null,
  end: number | null,
  near: number | null = null,
): Placement {
  if (body === null) return { ok: true, start: null, end: null }
  if (start === null && end === null) {
    const first = body.indexOf(text)
    if (first === -1) {
      return { ok: false, field: 'text', message: 'the text is not found in the article body' }
    }
    if (near !== null) return { ok: true, ...nearestOccurrence(body, text, near)! }
    if (body.indexOf(text, first + 1) !== -1) {
      return {
        ok: false,
        field: 'start',
        message:
          'the text occurs more than once in the article body; give start and end to say which',
      }
    }
    return { ok: true, start: first, end: first + text.length }
  }
  if (start === null || end === null) {
    return {
      ok: false,
      field: start === null ? 'start' : 'end',
      message: 'give both start and end, or neither',
    }
  }
  if (end <= start || end > body.length) {
    return {
      ok: false,
      field: 'end',
      message: `offsets ${start}–${end} do not lie within the body (${body.length} characters)`,
    }
  }
  const found = body.slice(start, end)
  if (found !== text) {
    return {
      ok: false,
      field: 'text',
      message: `the text is not found at offsets ${start}–${end} of the article body, which read "${excerpt(found)}"`,
    }
  }
  return { ok: true, start, end }
}

/** Where `text` stands in `body` nearest to the offset `near` (the first of two as near), or null. */
function nearestOccurrence(
  body: string,
  text: string,
  near: number,
): { start: number; end: number } | null {
  let best: number | null = null
  for (let at = body.indexOf(text); at !== -1; at = body.indexOf(text, at + 1)) {
    if (best === null || Math.abs(at - near) < Math.abs(best - near)) best = at
    if (at > near) break
  }
  return best === null ? null : { start: best, end: best + text.length }
}
