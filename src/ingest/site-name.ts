/**
 * A page's title often carries the site's name — "Budget passes | Example Daily", "Example Daily:
 * Budget passes". The article's title is the rest, and the name tells the outlet of a page that
 * says it nowhere else. A segment is the site's name when it reads as a name the page gives the
 * site, or as its domain ("Example Daily" for exampledaily.com, "NYT" never guessed).
 */

/** Letters and digits, lower case, accents off: "Example Daily" and "exampledaily" compare equal. */
const compact = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '')

/** What a title's segments are set apart by: a bar, a dash or a dot between spaces. */
const SEPARATOR = /\s+[|–—·•-]\s+|\s*\|\s*/u

/**
 * The title without the site's name, and the name when one was there. `names` are what the page
 * calls the site elsewhere (og:site_name, the publisher); `domain` is the site's ("example.com").
 */
export function withoutSiteName(
  title: string,
  names: Array<string | null>,
  domain: string | null,
): { title: string; site: string | null } {
  const known = new Set(names.filter((n): n is string => !!n).map(compact))
  // The domain's first label: "exampledaily" of exampledaily.com, "bbc" of bbc.co.uk.
  const label = domain ? compact(domain.split('.')[0]!) : ''
  const domainName = label.length > 2 ? label : null
  const isSite = (segment: string) => {
    const key = compact(segment)
    return key !== '' && (known.has(key) || key === domainName || key === compact(domain ?? ''))
  }
  const segments = title.split(SEPARATOR)
  if (segments.length > 1) {
    const last = segments.at(-1)!.trim()
    if (isSite(last)) return { title: segments.slice(0, -1).join(' | ').trim(), site: last }
    const first = segments[0]!.trim()
    if (isSite(first)) return { title: segments.slice(1).join(' | ').trim(), site: first }
  }
  // "Example Daily: Budget passes".
  const colon = /^([^:]{2,60}):\s+(.+)$/u.exec(title)
  if (colon && isSite(colon[1]!)) return { title: colon[2]!.trim(), site: colon[1]!.trim() }
  return { title, site: null }
}
