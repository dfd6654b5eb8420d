/**
 * Speakers: listing, finding by any name (typos forgiven, last word a prefix) and a speaker's page.
 */
import { notFound } from '../domain/errors'
import type { PageRequest } from '../domain/store'
import type { Page, Speaker, SpeakerDetail } from '../domain/types'
import { nameKey } from '../domain/identity'
import type { ServiceContext } from './context'

/**
 * Speakers matching `q` by name, alias, title or description, best match first; without `q`, every
 * speaker, most quoted first.
 */
export async function listSpeakers(
  context: ServiceContext,
  params: PageRequest & { q?: string | null },
): Promise<Page<Speaker>> {
  const q = params.q?.trim()
  // Names come from the name index, which may still be loading just after start.
  if (q) await context.indexes.complete
  if (!q) return context.store.listSpeakers(params)
  // Unnamed sources described alike ("a U.S. official", one per article) are one suggestion.
  const described = new Set<string>()
  const matches = context.indexes.names.search('speaker', q).filter((match) => {
    if (!match.anonymous) return true
    const key = nameKey(match.name)
    if (described.has(key)) return false
    described.add(key)
    return true
  })
  const slugs = matches.slice(params.offset, params.offset + params.limit).map((m) => m.slug)
  return {
    total: matches.length,
    limit: params.limit,
    offset: params.offset,
    items: await context.store.getSpeakers(slugs),
  }
}

/** A speaker with their aliases, titles and the outlets that quoted them; 404 when unknown. */
export async function getSpeaker(context: ServiceContext, slug: string): Promise<SpeakerDetail> {
  const speaker = await context.store.getSpeaker(slug)
  if (!speaker) throw notFound(`No speaker has the slug "${slug}".`)
  return speaker
}
