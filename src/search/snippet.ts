/**
 * The snippet of a matching quote: up to `SNIPPET.maxWords` words of its text around the words the
 * search matched, those words between the match markers (turned into `<mark>` by `highlight.ts`).
 *
 * Computed here rather than by FTS5's `snippet()`: FTS5 can only cut a snippet while it walks the
 * match, so asking it for one page's snippets means walking the posting lists again; here it is a
 * scan of twenty short texts. Words are found exactly as the index finds them (`foldWord`, split at
 * anything that is not a letter or digit), so what is marked is what matched.
 */
import { foldWord } from './normalize'
import { SNIPPET } from './options'
import type { HighlightPhrase } from './query'

interface TextToken {
  word: string
  start: number
  end: number
}

// As in normalize.ts: the index's tokenizer keeps letters, digits and private-use characters.
const WORD = /[\p{L}\p{N}\p{Co}]+/gu

function tokens(text: string): TextToken[] {
  const found: TextToken[] = []
  for (const match of text.matchAll(WORD)) {
    found.push({ word: foldWord(match[0]), start: match.index, end: match.index + match[0].length })
  }
  return found
}

/** Where each phrase occurs, as ranges of token positions `[first, last]`, in text order. */
function occurrences(words: TextToken[], phrases: HighlightPhrase[]): Array<[number, number]> {
  const found: Array<[number, number]> = []
  for (let i = 0; i < words.length; i++) {
    for (const phrase of phrases) {
      if (i + phrase.length > words.length) continue
      const matches = phrase.every(({ word, prefix }, j) =>
        prefix ? words[i + j]!.word.startsWith(word) : words[i + j]!.word === word,
      )
      if (matches) found.push([i, i + phrase.length - 1])
    }
  }
  // Overlapping occurrences ("u s" inside a longer phrase) merge into one mark.
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Array<[number, number]> = []
  for (const [first, last] of found) {
    const previous = merged.at(-1)
    if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last)
    else merged.push([first, last])
  }
  return merged
}

/**
 * The window of at most `size` words holding the most occurrences, centred on them; the whole
 * text when it is short enough.
 */
function bestWindow(count: number, marks: Array<[number, number]>, size: number): [number, number] {
  if (count <= size) return [0, count - 1]
  let best = { covered: -1, first: 0, last: 0 }
  for (let i = 0; i < marks.length; i++) {
    let j = i
    while (j + 1 < marks.length && marks[j + 1]![1] - marks[i]![0] < size) j++
    if (marks[j]![1] - marks[i]![0] >= size) continue
    if (j - i > best.covered) best = { covered: j - i, first: marks[i]![0], last: marks[j]![1] }
  }
  if (best.covered < 0) return [0, size - 1]
  const spare = size - (best.last - best.first + 1)
  const start = Math.max(0, Math.min(best.first - Math.floor(spare / 2), count - size))
  return [start, start + size - 1]
}

/** The snippet of `text` for the phrases a search looked for, with match markers. */
export function snippetOf(original: string, phrases: HighlightPhrase[]): string {
  const text = original.normalize('NFC')
  const words = tokens(text)
  if (words.length === 0) return text
  const marks = occurrences(words, phrases)
  const [first, last] = bestWindow(words.length, marks, SNIPPET.maxWords)
  const from = first === 0 ? 0 : words[first]!.start
  const to = last === words.length - 1 ? text.length : words[last]!.end
  let snippet = first === 0 ? '' : SNIPPET.ellipsis
  let at = from
  for (const [markFirst, markLast] of marks) {
    if (markLast < first || markFirst > last) continue
    const start = words[Math.max(markFirst, first)]!.start
    const end = words[Math.min(markLast, last)]!.end
    snippet += text.slice(at, start) + SNIPPET.open + text.slice(start, end) + SNIPPET.close
    at = end
  }
  snippet += text.slice(at, to)
  return last === words.length - 1 ? snippet : snippet + SNIPPET.ellipsis
}
