/**
 * A page's title often carries the site's name — "Budget passes | Example Daily", "Example Daily:
 * Budget passes". The article's title is the rest, and the name tells the outlet of a page that
 * says it nowhere else. A segment is the site's name when it is a name the page gives the site,
 * or reads as its domain ("Example Daily" for exampledaily.com); only a name the page gives
 * counts before a colon ("Boston: A city braces" on boston.com is a headline).
 */
import { nameKey } from '../domain/identity'

/** The longest title looked at: a longer "title" is no page's, and is left as it is. */
const MAX_TITLE = 1000

/** Second-level labels under which a country's sites register: "bbc" of bbc.co.uk. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or'])

/** The label a site registered: "suntimes" of chicago.suntimes.com, "bbc" of bbc.co.uk. */
function registeredLabel(domain: string): string | null {
  const labels = domain.split('.')
  if (labels.length < 2) return null
  const countrySecond =
    labels.length >= 3 && labels.at(-1)!.length === 2 && SECOND_LEVEL.has(labels.at(-2)!)
  const label = countrySecond ? labels.at(-3)! : labels.at(-2)!
  return label.length > 2 ? label : null
}

/** A bar, a dash or a dot between spaces (or a bare bar): what a title's segments are set apart by. */
const SEPARATOR = / [|–—·•-] | ?\| ?/gu

/**
 * The title without the site's name, and the name when one was there. `names` are what the page
 * calls the site elsewhere (og:site_name, the publisher); `domain` is the site's ("example.com").
 */
export function withoutSiteName(
  title: string,
  names: Array<string | null>,
  domain: string | null,
): { title: string; site: string | null } {
  // One space for every run of white space: the separators are then matched in linear time.
  const written = title.replace(/\s+/gu, ' ').trim()
  if (written.length > MAX_TITLE) return { title, site: null }
  const given = new Set(names.filter((n): n is string => !!n).map(nameKey))
  const label = domain ? registeredLabel(domain) : null
  const isGiven = (segment: string) => nameKey(segment) !== '' && given.has(nameKey(segment))
  const isSite = (segment: string) =>
    isGiven(segment) || (label !== null && nameKey(segment) === label)
  const separators = [...written.matchAll(SEPARATOR)]
  const last = separators.at(-1)
  if (last) {
    const site = written.slice(last.index + last[0].length)
    // The rest stays as written: "Man United 2 - 1 Liverpool | Example Daily".
    if (isSite(site)) return { title: written.slice(0, last.index), site }
    const first = separators[0]!
    const leading = written.slice(0, first.index)
    if (isSite(leading))
      return { title: written.slice(first.index + first[0].length), site: leading }
  }
  const colon = /^([^:]{2,60}): (.+)$/u.exec(written)
  if (colon && isGiven(colon[1]!)) return { title: colon[2]!, site: colon[1]! }
  return { title, site: null }
}
