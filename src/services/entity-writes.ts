/**
 * Adding, changing, removing and merging outlets and speakers, and adding and removing articles.
 */
import { AppError, notFound } from '../domain/errors'
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import { slugify } from '../domain/identity'
import type { OutletChanges, SpeakerChanges } from '../domain/store'
import type { Article, Outlet, SpeakerDetail } from '../domain/types'
import { extractStatements } from '../extract/extract'
import { toQuoteItems } from '../extract/to-import'
import { entriesOf, importEntries } from '../import/importer'
import type { ServiceContext } from './context'
import { refreshAfterWrite } from './index-updates'
import { assertCommitted } from './problems'

type NewOutlet = Omit<OutletRecord, 'slug'> & { slug?: string }
type NewSpeaker = Omit<SpeakerRecord, 'slug'> & { slug?: string }

/**
 * Refuses a new record whose name is already taken by another without an explicit slug: to add a
 * second record of the same name on purpose (a namesake), give it a slug of its own.
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
  context: ServiceContext,
  kind: 'speaker' | 'outlet',
  slugs: string[],
): Promise<string[]> {
  const documents = await context.store.nameDocumentsOf(kind, slugs)
  return documents.map((d) => [d.name, ...d.aliases, ...d.titles].join(' '))
}

export async function createOutlet(context: ServiceContext, outlet: NewOutlet): Promise<Outlet> {
  if (outlet.slug === undefined) await checkNameFree('outlet', outlet.name, context)
  const slug = outlet.slug ?? slugify(outlet.name)
  if (await context.store.getOutlet(slug)) {
    throw new AppError('conflict', `An outlet already has the slug "${slug}".`, 'slug')
  }
  await context.store.createOutlet({ ...outlet, slug })
  await refreshAfterWrite(context, { outlets: [slug] })
  return (await context.store.getOutlet(slug))!
}

export async function updateOutlet(
  context: ServiceContext,
  slug: string,
  changes: OutletChanges,
): Promise<Outlet> {
  const before = await namesOf(context, 'outlet', [slug])
  if (!(await context.store.updateOutlet(slug, changes)))
    throw notFound(`No outlet has the slug "${slug}".`)
  const after = await namesOf(context, 'outlet', [slug])
  await refreshAfterWrite(context, { outlets: [slug], texts: [...before, ...after] })
  return (await context.store.getOutlet(slug))!
}

export async function deleteOutlet(context: ServiceContext, slug: string): Promise<void> {
  if (!(await context.store.deleteOutlet(slug))) throw notFound(`No outlet has the slug "${slug}".`)
  await refreshAfterWrite(context, { removedOutlets: [slug] })
}

/** Merges the outlets `from` into the outlet `slug`: see the store's `mergeOutlets`. */
export async function mergeOutlets(
  context: ServiceContext,
  slug: string,
  from: string[],
): Promise<Outlet> {
  if (from.includes(slug))
    throw new AppError('invalid_parameter', 'An outlet cannot be merged into itself.', 'from')
  const missing = await context.store.unknownSlugs('outlet', [slug, ...from])
  if (missing.length > 0) throw notFound(`No outlet has the slug "${missing[0]}".`)
  const before = await namesOf(context, 'outlet', [slug, ...from])
  await context.store.mergeOutlets(slug, from)
  await refreshAfterWrite(context, {
    outlets: [slug],
    removedOutlets: from,
    reloadFacts: true,
    texts: [...before, ...(await namesOf(context, 'outlet', [slug]))],
  })
  return (await context.store.getOutlet(slug))!
}

export async function createSpeaker(
  context: ServiceContext,
  speaker: NewSpeaker,
): Promise<SpeakerDetail> {
  if (speaker.slug === undefined && !speaker.anonymous)
    await checkNameFree('speaker', speaker.name, context)
  const slug = speaker.slug ?? slugify(speaker.name)
  if (await context.store.getSpeaker(slug)) {
    throw new AppError('conflict', `A speaker already has the slug "${slug}".`, 'slug')
  }
  await context.store.createSpeaker({ ...speaker, slug })
  await refreshAfterWrite(context, { speakers: [slug] })
  return (await context.store.getSpeaker(slug))!
}

export async function updateSpeaker(
  context: ServiceContext,
  slug: string,
  changes: SpeakerChanges,
): Promise<SpeakerDetail> {
  const before = await namesOf(context, 'speaker', [slug])
  if (!(await context.store.updateSpeaker(slug, changes)))
    throw notFound(`No speaker has the slug "${slug}".`)
  const after = await namesOf(context, 'speaker', [slug])
  await refreshAfterWrite(context, { speakers: [slug], texts: [...before, ...after] })
  return (await context.store.getSpeaker(slug))!
}

export async function deleteSpeaker(context: ServiceContext, slug: string): Promise<void> {
  if (!(await context.store.deleteSpeaker(slug)))
    throw notFound(`No speaker has the slug "${slug}".`)
  await refreshAfterWrite(context, { removedSpeakers: [slug] })
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
  const missing = await context.store.unknownSlugs('speaker', [slug, ...from])
  if (missing.length > 0) throw notFound(`No speaker has the slug "${missing[0]}".`)
  const before = await namesOf(context, 'speaker', [slug, ...from])
  await context.store.mergeSpeakers(slug, from)
  await refreshAfterWrite(context, {
    speakers: [slug],
    removedSpeakers: from,
    reloadFacts: true,
    texts: [...before, ...(await namesOf(context, 'speaker', [slug]))],
  })
  return (await context.store.getSpeaker(slug))!
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
  if ((await context.store.articleIdByUrl(item.url)) !== null) {
    const id = await context.store.articleIdByUrl(item.url)
    throw new AppError(
      'conflict',
      `An article with this url is already stored: article ${id}.`,
      'url',
    )
  }
  let quotes = item.quotes ?? []
  if (options.extract) {
    if (!item.body) {
      throw new AppError(
        'invalid_parameter',
        'Extraction needs the article body; this article has none.',
        'body',
      )
    }
    const found = extractStatements(item.body, {
      published: item.published,
      outlets: await context.store.outletNames(),
    })
    quotes = [...quotes, ...toQuoteItems(found)]
  }
  const report = await importEntries(
    context.store,
    entriesOf([{ ...item, quotes, type: 'article' }]),
  )
  assertCommitted(report)
  await refreshAfterWrite(context, {
    quoteIds: report.added.quoteIds,
    speakers: report.added.speakers,
    outlets: report.added.outlets,
  })
  const id = await context.store.articleIdByUrl(item.url)
  return (await context.store.getArticle(id!))!
}

/** Removes an article and every quote in it. */
export async function deleteArticle(context: ServiceContext, id: number): Promise<void> {
  const article = await context.store.getArticle(id)
  if (!article) throw notFound(`No article has the id ${id}.`)
  const quoteIds = article.statements.map((s) => s.id)
  const before = await context.store.searchDocuments(quoteIds)
  const references = await context.store.quoteReferences(quoteIds)
  await context.store.deleteArticle(id)
  await refreshAfterWrite(context, {
    removedDocuments: before,
    removedQuoteIds: quoteIds,
    ...references,
  })
}
