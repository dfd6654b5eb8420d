/**
 * Adding, changing and removing quotes. A new quote goes through the import path (its speaker and
 * outlets found by slug, name or alias, or created); a change is checked against the article the
 * same way, so a stored quote's text always stands verbatim at its offsets. Each is one write:
 * what it checks and what it answers are read inside it.
 */
import { AppError, notFound } from '../domain/errors'
import type { QuoteChanges } from '../domain/store'
import type { QuoteResult } from '../domain/types'
import { entriesOf, importInSession } from '../import/importer'
import { placeQuote } from '../import/placement'
import type { ServiceContext } from './context'
import { writeAndIndex } from './index-updates'
import { assertCommitted } from './problems'

/**
 * Stores a quote (an import item: see `item-schema.ts`). 409 when the article already holds this
 * statement; 400 naming the field when it breaks a rule.
 */
export async function createQuote(context: ServiceContext, item: unknown): Promise<QuoteResult> {
  return writeAndIndex(context, async (session) => {
    const report = await importInSession(
      session,
      entriesOf([{ ...(item as object), type: 'quote' }]),
      {},
    )
    assertCommitted(report)
    const [id] = report.added.quoteIds
    if (id === undefined) {
      throw new AppError(
        'conflict',
        `The article already holds this statement: quote ${report.existingQuoteIds[0]}.`,
      )
    }
    return {
      value: (await session.getQuote(id))!,
      changes: { quoteIds: [id], speakers: report.added.speakers, outlets: report.added.outlets },
    }
  })
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
  return writeAndIndex(context, async (session) => {
    const current = await session.quoteForChange(id)
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
    const before = await session.searchDocuments([id])
    if (!(await session.updateQuote(id, checked))) throw notFound(`No quote has the id ${id}.`)
    return {
      value: (await session.getQuote(id))!,
      changes: { quoteIds: [id], removedDocuments: before },
    }
  })
}

/** Removes a quote; 404 when no quote has the id. */
export async function deleteQuote(context: ServiceContext, id: number): Promise<void> {
  await writeAndIndex(context, async (session) => {
    const before = await session.searchDocuments([id])
    const references = await session.quoteReferences([id])
    if (!(await session.deleteQuote(id))) throw notFound(`No quote has the id ${id}.`)
    return {
      value: undefined,
      changes: { removedDocuments: before, removedQuoteIds: [id], ...references },
    }
  })
}
