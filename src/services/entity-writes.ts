/**
 * Adding, changing, removing and merging outlets and speakers, and adding and removing articles.
 * Each is one write: what it checks and what it answers are read inside it, so no other write
 * can come between the check and the change.
 */
import { AppError, notFound } from '../domain/errors'
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import { slugify } from '../domain/identity'
import type { OutletChanges, SpeakerChanges, WriteSession } from '../domain/store'
import type { Article, Outlet, SpeakerDetail } from '../domain/types'
import { extractStatements } from '../extract/extract'
import { toQuoteItems } from '../extract/to-import'
import { entriesOf, importInSession } from '../import/importer'
import type { ServiceContext } from './context'
import { writeAndIndex } from './index-updates'
import { assertCommitted } from './problems'

type NewOutlet = Omit<OutletRecord, 'slug'> & { slug?: string }
type NewSpeaker = Omit<SpeakerRecord, 'slug'> & { slug?: string }

/**
 * Refuses a new record whose name is already taken by another without an explicit slug: to add a
 * second record of the same name on purpose (a namesake), give it a slug of its own. The name
 * index is up to date here: every write before this one has reached it.
 */
async function checkNameFree(
  kind: 'speaker' | 'outlet',
  name: string,
  context: ServiceContext,
): Promise<void> {
  await context.indexes.complete
  const [taken] = context.indexes.names.named(kind, name)
  if (taken) {
    throw new AppError(
      'conflict',
      `A ${kind} already goes by "${name}": ${taken}. Give a slug to add another of that name.`,
      'name',
    )
  }
}

/** Every name a speaker or outlet goes by, as one text: its words are in the documents of its quotes. */
async function namesOf(
  session: WriteSession,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Promise<string[]> {
  const documents = await session.nameDocumentsOf(kind, slugs)
  return documents.map((d) => [d.name, ...d.aliases, ...d.titles].join(' '))
}

export async function createOutlet(context: ServiceContext, outlet: NewOutlet): Promise<Outlet> {
  return writeAndIndex(context, async (session) => {
    if (outlet.slug === undefined) await checkNameFree('outlet', outlet.name, context)
    const slug = outlet.slug ?? slugify(outlet.name)
    if (await session.getOutlet(slug)) {
      throw new AppError('conflict', `An outlet already has the slug "${slug}".`, 'slug')
    }
    await session.createOutlet({ ...outlet, slug })
    return { value: (await session.getOutlet(slug))!, changes: { outlets: [slug] } }
  })
}

export async function updateOutlet(
  context: ServiceContext,
  slug: string,
  changes: OutletChanges,
): Promise<Outlet> {
  return writeAndIndex(context, async (session) => {
    const before = await namesOf(session, 'outlet', [slug])
    if (!(await session.updateOutlet(slug, changes)))
      throw notFound(`No outlet has the slug "${slug}".`)
    const after = await namesOf(session, 'outlet', [slug])
    return {
      value: (await session.getOutlet(slug))!,
      changes: { outlets: [slug], texts: [...before, ...after] },
    }
  })
}

export async function deleteOutlet(context: ServiceContext, slug: string): Promise<void> {
  await writeAndIndex(context, async (session) => {
    if (!(await session.deleteOutlet(slug))) throw notFound(`No outlet has the slug "${slug}".`)
    return { value: undefined, changes: { removedOutlets: [slug] } }
  })
}

/** Merges the outlets `from` into the outlet `slug`: see the store's `mergeOutlets`. */
export async function mergeOutlets(
  context: ServiceContext,
  slug: string,
  from: string[],
): Promise<Outlet> {
  if (from.includes(slug))
    throw new AppError('invalid_parameter', 'An outlet cannot be merged into itself.', 'from')
  return writeAndIndex(context, async (session) => {
    const missing = await session.unknownSlugs('outlet', [slug, ...from])
    if (missing.length > 0) throw notFound(`No outlet has the slug "${missing[0]}".`)
    const before = await namesOf(session, 'outlet', [slug, ...from])
    await session.mergeOutlets(slug, from)
    return {
      value: (await session.getOutlet(slug))!,
      changes: {
        outlets: [slug],
        removedOutlets: from,
        reloadFacts: true,
        texts: [...before, ...(await namesOf(session, 'outlet', [slug]))],
      },
    }
  })
}

export async function createSpeaker(
  context: ServiceContext,
  speaker: NewSpeaker,
): Promise<SpeakerDetail> {
  return writeAndIndex(context, async (session) => {
    if (speaker.slug === undefined && !speaker.anonymous)
      await checkNameFree('speaker', speaker.name, context)
    const slug = speaker.slug ?? slugify(speaker.name)
    if (await session.getSpeaker(slug)) {
      throw new AppError('conflict', `A speaker already has the slug "${slug}".`, 'slug')
    }
    await session.createSpeaker({ ...speaker, slug })
    return { value: (await session.getSpeaker(slug))!, changes: { speakers: [slug] } }
  })
}

export async function updateSpeaker(
  context: ServiceContext,
  slug: string,
  changes: SpeakerChanges,
): Promise<SpeakerDetail> {
  return writeAndIndex(context, async (session) => {
    const before = await namesOf(session, 'speaker', [slug])
    if (!(await session.updateSpeaker(slug, changes)))
      throw notFound(`No speaker has the slug "${slug}".`)
    const after = await namesOf(session, 'speaker', [slug])
    return {
      value: (await session.getSpeaker(slug))!,
      changes: { speakers: [slug], texts: [...before, ...after] },
    }
  })
}

export async function deleteSpeaker(context: ServiceContext, slug: string): Promise<void> {
  await writeAndIndex(context, async (session) => {
    if (!(await session.deleteSpeaker(slug))) throw notFound(`No speaker has the slug "${slug}".`)
    return { value: undefined, changes: { removedSpeakers: [slug] } }
  })
}

/**
 * Merges speakers who are one person (`from`) into the speaker `slug`: their quotes move to it and
 * their names become its aliases.
 */
export async function mergeSpeakers(
  context: ServiceContext,
  slug: string,
  from: string[],
): Promise<SpeakerDetail> {
  if (from.includes(slug))
    throw new AppError('invalid_parameter', 'A speaker cannot be merged into itself.', 'from')
  return writeAndIndex(context, async (session) => {
    const missing = await session.unknownSlugs('speaker', [slug, ...from])
    if (missing.length > 0) throw notFound(`No speaker has the slug "${missing[0]}".`)
    const before = await namesOf(session, 'speaker', [slug, ...from])
    await session.mergeSpeakers(slug, from)
    return {
      value: (await session.getSpeaker(slug))!,
      changes: {
        speakers: [slug],
        removedSpeakers: from,
        reloadFacts: true,
        texts: [...before, ...(await namesOf(session, 'speaker', [slug]))],
      },
    }
  })
}

/**
 * Stores an article (an import item of type `article`) with the quotes it holds — and, with
 * `extract`, every statement extraction finds in its body; its outlet and the quotes' speakers are
 * found by slug, name or alias, or created. 409 when the url is taken.
 */
export async function createArticle(
  context: ServiceContext,
  item: { url: string; body?: string | null; published: string; quotes?: unknown[] },
  options: { extract?: boolean } = {},
): Promise<Article> {
  let quotes = item.quotes ?? []
  if (options.extract) {
    if (!item.body) {
      throw new AppError(
        'invalid_parameter',
        'Extraction needs the article body; this article has none.',
        'body',
      )
    }
    // Found before the write begins: extraction reads only the text and the outlets' names.
    const found = extractStatements(item.body, {
      published: item.published,
      outlets: await context.store.outletNames(),
    })
    quotes = [...quotes, ...toQuoteItems(found)]
  }
  return writeAndIndex(context, async (session) => {
    const stored = await session.articleIdByUrl(item.url)
    if (stored !== null) {
      throw new AppError(
        'conflict',
        `An article with this url is already stored: article ${stored}.`,
        'url',
      )
    }
    const report = await importInSession(
      session,
      entriesOf([{ ...item, quotes, type: 'article' }]),
      {},
    )
    assertCommitted(report)
    const id = (await session.articleIdByUrl(item.url))!
    return {
      value: (await session.getArticle(id))!,
      changes: {
        quoteIds: report.added.quoteIds,
        speakers: report.added.speakers,
        outlets: report.added.outlets,
      },
    }
  })
}

/** Removes an article and every quote in it. */
export async function deleteArticle(context: ServiceContext, id: number): Promise<void> {
  await writeAndIndex(context, async (session) => {
    const article = await session.getArticle(id)
    if (!article) throw notFound(`No article has the id ${id}.`)
    const quoteIds = article.statements.map((s) => s.id)
    const before = await session.searchDocuments(quoteIds)
    const references = await session.quoteReferences(quoteIds)
    await session.deleteArticle(id)
    return {
      value: undefined,
      changes: { removedDocuments: before, removedQuoteIds: quoteIds, ...references },
    }
  })
}
