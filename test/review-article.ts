/** A test fixture: an article for the review queue, and a quotedb holding what was extracted from it. */
import { expect } from 'vitest'
import type { Article } from '../src/domain/types'
import { seededQuotedb, send } from './helpers'

/** An article whose statements the extractor attributes in several ways, some surely, some not. */
export const REVIEW_ARTICLE = {
  url: 'https://www.example-herald.com/2025/03/harbour-dredging',
  outlet: { name: 'Example Herald', domain: 'example-herald.com' },
  title: 'Port authority defends dredging plan',
  published: '2025-03-04',
  body: [
    'The port authority defended its plan to dredge the harbour on Monday.',
    '“We have studied the tides for six years,” Harbour Master Ingrid Solberg told reporters at the quay.',
    'She said the work would begin in April and end before the summer.',
    'According to the Coastal Gazette, the plan was approved without a vote.',
    '“Nobody asked the fishermen,” said one trawler captain who did not want to be named.',
  ].join('\n\n'),
}

/** The seeded quotedb with the article stored by extraction: its statements await review. */
export async function quotedbWithExtracted() {
  const quotedb = await seededQuotedb()
  const posted = await send<Article>(
    quotedb.app,
    'POST',
    '/api/articles?extract=true',
    REVIEW_ARTICLE,
  )
  expect(posted.status).toBe(201)
  expect(posted.body.statements.length).toBeGreaterThanOrEqual(3)
  return { ...quotedb, article: posted.body }
}
