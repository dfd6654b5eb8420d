/**
 * Adding, changing and removing quotes. A new quote goes through the import path (its speaker and
 * outlets found by slug, name or alias, or created); a change is checked against the article the
 * same way, so a stored quote's text always stands verbatim at its offsets.
 */
import { AppError, notFound } from '../domain/errors'
import type { QuoteChanges } from '../domain/store'
import type { QuoteResult } from '../domain/types'
import { entriesOf, importEntries } from '../import/importer'
import { placeQuote } from '../import/placement'
import type { ServiceContext } from './context'
import { refreshAfterWrite } from './index-updates'
import { assertCommitted } from './problems'

/**
 * Stores a quote (an import item: see `item-schema.ts`). 409 when the article already holds this
 * statement; 400 naming the field when it breaks a rule.
 */
export async function createQuote(context: ServiceContext, item: unknown): Promise<QuoteResult> {
  const report = await importEntries(
    context.store,
    entriesOf([{ ...(item as object), type: 'quote' }]),
  )
  assertCommitted(report)
  const [id] = report.added.quoteIds
  if (id === undefined) {
    throw new AppError(
      'conflict',
      `The article already holds this statement: quote ${report.existingQuoteIds[0]}.`,
    )
  }
  await refreshAfterWrite(context, {
    quoteIds: [id],
    speakers: report.added.speakers,
    outlets: report.added.outlets,
  })
  return (await context.store.getQuote(id))!
}

/**
 * Changes some fields of a quote. A new text or new offsets are checked against the article body
 * (the text is found in it when no offsets are given); speaker and cited outlet are named by slug.
 */
export async function updateQuote(
  context: ServiceContext,
  id: number,
  changes: QuoteChanges,
): Promise<QuoteResult> {
  const current = await context.store.quoteForChange(id)
  if (!current) throw notFound(`No quote has the id ${id}.`)
  const checked: QuoteChanges = { ...changes }
  if (changes.text !== undefined || changes.start !== undefined || changes.end !== undefined) {
    const text = changes.text ?? current.text
    // New text without new offsets is looked up afresh; otherwise the offsets given (or kept) must hold it.
    const keepOffsets =
      changes.start === undefined && changes.end === undefined && changes.text === undefined
    const start = changes.start !== undefined ? changes.start : keepOffsets ? current.start : null
    const end = changes.end !== undefined ? changes.end : keepOffsets ? current.end : null
    const placement = placeQuote(text, current.body, start, end)
    if (!placement.ok)
      throw new AppError('invalid_parameter', `${placement.message}.`, placement.field)
    checked.start = placement.start
    checked.end = placement.end
  }
  const before = await context.store.searchDocuments([id])
  if (!(await context.store.updateQuote(id, checked))) throw notFound(`No quote has the id ${id}.`)
  await refreshAfterWrite(context, { quoteIds: [id], removedDocuments: before })
  return (await context.store.getQuote(id))!
}

/** Removes a quote; 404 when no quote has the id. */
export async function deleteQuote(context: ServiceContext, id: number): Promise<void> {
  const before = await context.store.searchDocuments([id])
  const references = await context.store.quoteReferences([id])
  if (!(await context.store.deleteQuote(id))) throw notFound(`No quote has the id ${id}.`)
  await refreshAfterWrite(context, {
    removedDocuments: before,
    removedQuoteIds: [id],
    ...references,
  })
}
