/**
 * Finding quotations: the spans between quotation marks, straight or curly, paragraph by
 * paragraph. Quotation marks inside a quotation (single ones in double, or the reverse) belong to
 * it. A quotation opened and not closed by the end of its paragraph runs on into the next one
 * when that paragraph opens with a quotation mark, as news style writes quotes over several
 * paragraphs; each paragraph's part is its own span, linked to the one before.
 *
 * One pass over the characters, with no backtracking: linear in the length of the text.
 */

/** A quotation's text, without its marks, in one paragraph. */
export interface Quotation {
  /** Offsets of the text inside the marks. */
  start: number
  end: number
  /** Offsets including the marks (the closing one may be missing at a paragraph end). */
  outerStart: number
  outerEnd: number
  /** True when this part continues a quotation left open at the end of the paragraph before. */
  continues: boolean
  /** True when no closing mark ended it: it runs on into the next paragraph, or off the text. */
  open: boolean
}

const OPENING_DOUBLE = new Set(['“', '„', '«'])
const CLOSING_DOUBLE = new Set(['”', '»'])
const OPENING_SINGLE = new Set(['‘'])
const CLOSING_SINGLE = new Set(['’'])

const isLetterOrDigit = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
const isSpaceOrStart = (ch: string | undefined) => ch === undefined || /[\s([{—–-]/u.test(ch)

/** Quotations in one paragraph [from, to) of `text`. */
function quotationsIn(text: string, from: number, to: number): Quotation[] {
  const found: Quotation[] = []
  let open: {
    at: number
    width: number
    mark: 'straight' | 'doubled' | 'double' | 'single'
  } | null = null
  let depth = 0 // curly double marks opened inside a curly double quotation
  const close = (at: number, width: number) => {
    const o = open!
    found.push({
      start: o.at + o.width,
      end: at,
      outerStart: o.at,
      outerEnd: at + width,
      continues: false,
      open: false,
    })
    open = null
  }
  for (let i = from; i < to; i++) {
    const ch = text[i]!
    // Two apostrophes stand for a double quotation mark in some archives: ''It isn't,'' he said.
    const doubled = ch === "'" && text[i + 1] === "'"
    if (open === null) {
      if (doubled) {
        open = { at: i, width: 2, mark: 'doubled' }
        i++
      } else if (ch === '"') open = { at: i, width: 1, mark: 'straight' }
      else if (OPENING_DOUBLE.has(ch)) open = { at: i, width: 1, mark: 'double' }
      // A closing mark typed where an opening one belongs: ”Mr. Trump said …”
      else if (
        CLOSING_DOUBLE.has(ch) &&
        isSpaceOrStart(text[i - 1]) &&
        isLetterOrDigit(text[i + 1])
      ) {
        open = { at: i, width: 1, mark: 'double' }
      }
      // A curly single quote opens a quotation only where it cannot be an apostrophe.
      else if (
        OPENING_SINGLE.has(ch) &&
        isSpaceOrStart(text[i - 1]) &&
        isLetterOrDigit(text[i + 1])
      ) {
        open = { at: i, width: 1, mark: 'single' }
      }
      depth = 0
      continue
    }
    if (open.mark === 'doubled') {
      if (doubled) {
        close(i, 2)
        i++
      }
    } else if (open.mark === 'straight') {
      if (ch === '"') close(i, 1)
    } else if (open.mark === 'single') {
      if (CLOSING_SINGLE.has(ch) && !isLetterOrDigit(text[i + 1])) close(i, 1)
    } else if (OPENING_DOUBLE.has(ch)) {
      depth++
    } else if (CLOSING_DOUBLE.has(ch) || ch === '"') {
      if (depth > 0) depth--
      else close(i, 1)
    }
  }
  if (open !== null) {
    const o = open as { at: number; width: number }
    found.push({
      start: o.at + o.width,
      end: to,
      outerStart: o.at,
      outerEnd: to,
      continues: false,
      open: true,
    })
  }
  return found
}

/** Paragraphs: stretches of text between line breaks, without surrounding blank space. */
export function paragraphs(text: string): Array<{ start: number; end: number }> {
  const result: Array<{ start: number; end: number }> = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let s = start
      let e = i
      while (s < e && /\s/.test(text[s]!)) s++
      while (e > s && /\s/.test(text[e - 1]!)) e--
      if (e > s) result.push({ start: s, end: e })
      start = i + 1
    }
  }
  return result
}

/** Every quotation in the text, in order, with run-on quotations over paragraphs linked. */
export function findQuotations(text: string): Quotation[] {
  const all: Quotation[] = []
  let runningOn = false
  for (const paragraph of paragraphs(text)) {
    const found = quotationsIn(text, paragraph.start, paragraph.end)
    const first = found[0]
    // A run-on quotation's next part is a paragraph that opens with a quotation mark.
    if (runningOn && first && first.outerStart === paragraph.start) first.continues = true
    const last = found.at(-1)
    runningOn = last !== undefined && last.open
    for (const quotation of found) all.push(quotation)
  }
  return all
}
