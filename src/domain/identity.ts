/**
 * How names become identities: slugs for urls, keys under which a name and its variants meet
 * ("The New York Times", "New York Times" and "new york times" share one key), and web domains.
 */

const COMBINING_MARKS = /\p{M}+/gu

/** Lower-cases `text` and removes its accents: "Joaquín" → "joaquin". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase()
}

const MAX_SLUG_LENGTH = 80

/** A url-safe slug for a name: "Claudia Sheinbaum" → "claudia-sheinbaum"; never empty. */
export function slugify(name: string): string {
  const slug = foldText(name)
    // Dotted initials are one word: "U.S." → "us".
    .replace(/\b([a-z])\.(?=[a-z]\b)/g, '$1')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
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
