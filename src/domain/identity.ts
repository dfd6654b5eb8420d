/**
 * How names become identities: slugs for urls, keys under which a name and its variants meet
 * ("The New York Times", "New York Times" and "new york times" share one key), and web domains.
 */

import transliterate from '@sindresorhus/transliterate'

const COMBINING_MARKS = /\p{M}+/gu

/** Lower-cases `text` and removes its accents: "Joaquín" → "joaquin". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}

const MAX_SLUG_LENGTH = 80

/** Letters of any script (lower-case where the script has cases), combining marks and digits. */
const SLUG_WORD = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+`

/** What a slug is: words of `SLUG_WORD` joined by single hyphens ("lodz-times", "习近平"). */
export const SLUG_PATTERN = new RegExp(`^${SLUG_WORD}(?:-${SLUG_WORD})*$`, 'u')

/**
 * A url-safe slug for a name, never empty. Each word is spelt in Latin letters where its script
 * has a usual transliteration ("Łódź Times" → "lodz-times", "Владимир Путин" → "vladimir-putin";
 * @sindresorhus/transliterate), and keeps its own letters where it has none here ("习近平"): a
 * slug always names its record.
 */
export function slugify(name: string): string {
  const words = name
    // Compatibility forms to their letters: "𝚨" (mathematical bold) is "Α", "ﬁ" is "fi".
    .normalize('NFKC')
    // Dotted initials are one word: "U.S." → "US".
    .replace(/(?<![\p{L}\p{N}])(\p{L})\.(?=\p{L}(?![\p{L}\p{N}]))/gu, '$1')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
  const parts = words.flatMap((word) => {
    if (word === '') return []
    const latin = foldText(transliterate(word))
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
    // Letters with no lower case of their own ("ϒ") are left out.
    const own = word.toLowerCase().replace(new RegExp(`(?!${SLUG_WORD}).`, 'gsu'), '')
    return latin || own ? [latin || own] : []
  })
  // Cut by characters, not UTF-16 units: a slug never ends in half a character.
  const slug = [...parts.join('-')]
    .slice(0, MAX_SLUG_LENGTH)
    .join('')
    .replace(/^-+|-+$/g, '')
  return slug || 'unnamed'
}

/**
 * The key a name is matched by: folded, without a leading "the", without spaces or punctuation.
 * "The New York Times", "New York Times" and "new-york times" give "newyorktimes"; "L.A. Times"
 * and "LA Times" give "latimes". Empty for a name of punctuation only.
 */
export function nameKey(name: string): string {
  return foldText(name)
    .replace(/^\s*the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

/**
 * The web domain a url or host names, without `www.`: "https://www.nytimes.com/x" → "nytimes.com".
 * Null when the value is neither.
 */
export function domainOf(value: string): string | null {
  const trimmed = value.trim().toLowerCase()
  let host = trimmed
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed)) {
    try {
      host = new URL(trimmed).hostname
    } catch {
      return null
    }
  }
  if (!/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/.test(host)) return null
  return host.replace(/^www\d?\./, '')
}
