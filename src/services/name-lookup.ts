/**
 * Names as people type them into a filter ("Sheinbaum", "the Wall Street Journal") turned into
 * slugs: a slug is kept, a name or alias becomes the best-matching speaker's or outlet's slug, a
 * description of unnamed sources ("a U.S. official") every source so described, and a value that
 * names nothing null.
 */
import { UNNAMED_ALIKE } from '../search/options'
import type { ServiceContext } from './context'

export async function slugsFor(
  context: ServiceContext,
  kind: 'speaker' | 'outlet',
  values: string[],
): Promise<Array<string[] | null>> {
  const unknown = new Set(await context.store.unknownSlugs(kind, values))
  if (unknown.size > 0) await context.indexes.complete
  const { names } = context.indexes
  return values.map((value) => {
    if (!unknown.has(value)) return [value]
    const described = kind === 'speaker' ? names.describedAs(value) : []
    if (described.length > 0) return described.sort().slice(0, UNNAMED_ALIKE.max)
    const best = names.search(kind, value)[0]?.slug
    return best === undefined ? null : [best]
  })
}

/** The names of some speakers (or outlets), by slug; unknown slugs are left out. */
export async function namesBySlug(
  { store }: ServiceContext,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Promise<Map<string, string>> {
  const ids = await store.idsBySlug(kind, slugs)
  const names = await store.namesById(kind, [...ids.values()])
  return new Map([...names.values()].map(({ slug, name }) => [slug, name]))
}
