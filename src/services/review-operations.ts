/**
 * Reviewing what the extractor stored: a person accepts a statement, corrects it, or rejects it.
 * An accepted or corrected statement becomes curated — the extractor's evidence goes, as it does
 * whenever a person changes a statement (see the store's `updateQuote`) — and leaves the queue; a
 * rejected one is removed. Each decision is one write, and only about a statement still awaiting
 * review: two reviewers deciding on one statement cannot both be heard (the second gets a 409).
 */
import { AppError, notFound } from '../domain/errors'
import type { QuoteChanges, WriteSession } from '../domain/store'
import type { QuoteResult } from '../domain/types'
import type { QuoteKind } from '../domain/vocabulary'
import { resolverFor } from '../import/importer'
import { describeMention } from '../extract/speakers'
import { writeOperations, type Written } from './write-operations'

/** What a reviewer may correct: who spoke, whom the article cites, the kind, and the span. */
export interface ReviewCorrection {
  /** A speaker's slug or name (a new speaker when none goes by it); null for an outlet or report. */
  speaker?: string | null
  /** The speaker's title as the article gives it. */
  speakerTitle?: string | null
  /** The cited outlet's slug or name (a new outlet when none goes by it); null for none. */
  citedOutlet?: string | null
  kind?: QuoteKind
  /** The statement's words as printed: found in the article body, or at `start`–`end`. */
  text?: string
  start?: number
  end?: number
}

/** The statement `id`, refused unless it is awaiting review. */
async function awaitingReview(session: WriteSession, id: number): Promise<QuoteResult> {
  const quote = await session.getQuote(id)
  if (!quote) throw notFound(`No statement has the id ${id}.`)
  if (quote.extraction === null) {
    throw new AppError(
      'conflict',
      `Statement ${id} is not awaiting review: a person entered it or has reviewed it already.`,
    )
  }
  return quote
}

/**
 * The slug of the speaker (or outlet) a reviewer named: by slug, else by name or alias; a new one
 * when none goes by it — an unnamed source when the words describe rather than name ("a trawler
 * captain"), which is never looked up by name. Refused when several go by the name: the reviewer
 * picks one by slug.
 */
async function slugNamed(
  session: WriteSession,
  kind: 'speaker' | 'outlet',
  given: string,
): Promise<string> {
  const name = given.trim()
  const field = kind === 'speaker' ? 'speaker' : 'citedOutlet'
  if (!name) throw new AppError('invalid_parameter', `${field} must not be empty.`, field)
  if ((await session.unknownSlugs(kind, [name])).length === 0) return name
  const anonymous = kind === 'speaker' && describeMention(name).anonymous
  const slugs = anonymous ? [] : (await resolverFor(session)).named(kind, name)
  if (slugs.length > 1) {
    throw new AppError(
      'invalid_parameter',
      `Several ${kind}s go by "${name}" (${slugs.sort().join(', ')}); name one by its slug.`,
      field,
    )
  }
  if (slugs.length === 1) return slugs[0]!
  if (kind === 'outlet') {
    const created = await writeOperations.createOutlet(session, {
      name,
      kind: null,
      country: null,
      domain: null,
      aliases: [],
    })
    return created.value.slug
  }
  const created = await writeOperations.createSpeaker(session, {
    name,
    description: null,
    wikidataId: null,
    anonymous,
    aliases: [],
  })
  return created.value.slug
}

/**
 * The correction as changes to the statement: names resolved to slugs; a new speaker's title
 * cleared unless one is given (the old one was the old speaker's).
 */
async function changesOf(
  session: WriteSession,
  correction: ReviewCorrection,
): Promise<QuoteChanges> {
  const { speaker, citedOutlet, ...fields } = correction
  const changes: QuoteChanges = { ...fields }
  if (speaker !== undefined) {
    changes.speaker = speaker === null ? null : await slugNamed(session, 'speaker', speaker)
    if (correction.speakerTitle === undefined) changes.speakerTitle = null
  }
  if (citedOutlet !== undefined)
    changes.citedOutlet =
      citedOutlet === null ? null : await slugNamed(session, 'outlet', citedOutlet)
  return changes
}

export const reviewOperations = {
  /** Accepts a statement as the extractor stored it: it becomes curated. */
  async acceptStatement(session: WriteSession, id: number): Promise<Written<QuoteResult>> {
    await awaitingReview(session, id)
    return writeOperations.updateQuote(session, id, {})
  },

  /** Corrects a statement and so accepts it: it becomes curated as corrected. */
  async correctStatement(
    session: WriteSession,
    id: number,
    correction: ReviewCorrection,
  ): Promise<Written<QuoteResult>> {
    await awaitingReview(session, id)
    // Corrected words are looked for where the statement stood: a phrase may occur twice.
    const changes = await changesOf(session, correction)
    return writeOperations.updateQuote(session, id, changes, { nearCurrent: true })
  },

  /** Rejects a statement: the extractor was wrong, and it is removed. */
  async rejectStatement(session: WriteSession, id: number): Promise<Written<void>> {
    await awaitingReview(session, id)
    if (!(await session.deleteQuote(id))) throw notFound(`No statement has the id ${id}.`)
    return { value: undefined }
  },
}
