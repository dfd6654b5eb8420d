/**
 * Names as people type them into a filter ("Sheinbaum", "the Wall Street Journal") turned into
 * slugs: a slug is kept, a name or alias becomes the best-matching speaker's or outlet's slug, and
 * a value that names nothing becomes null.
 */
import type { ServiceContext } from './context'

export async function slugsFor(
  context: ServiceContext,
  kind: 'speaker' | 'outlet',
  values: string[],
): Promise<Array<string | null>> {
  const unknown = new Set(await context.store.unknownSlugs(kind, values))
  if (unknown.size > 0) await context.indexes.complete
  return values.map((value) => {
    if (!unknown.has(value)) return value
    return context.indexes.names.search(kind, value)[0]?.slug ?? null
  })
}
