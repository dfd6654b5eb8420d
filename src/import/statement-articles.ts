/**
 * Evaluation sets write statements one per line — outlet, date, speaker, words — and store each as
 * an article of its own, its body the statement, through the import like any article.
 */

/** One statement of an evaluation set. */
export interface SetStatement {
  outlet: string
  published: string
  title?: string
  speaker?: string | null
  speakerTitle?: string
  anonymous?: boolean
  cited?: string | null
  kind: 'direct' | 'partial' | 'paraphrase'
  text: string
}

/** Import items: each statement as an article at `${urlPrefix}${its index}`. */
export function statementsAsArticles(statements: SetStatement[], urlPrefix: string): unknown[] {
  return statements.map((s, i) => ({
    type: 'article',
    url: `${urlPrefix}${i}`,
    outlet: s.outlet,
    published: s.published,
    title: s.title ?? null,
    body: s.text,
    quotes: [
      {
        text: s.text,
        kind: s.kind,
        start: 0,
        end: s.text.length,
        speaker: s.speaker ? { name: s.speaker, anonymous: s.anonymous ?? false } : null,
        speakerTitle: s.speakerTitle ?? null,
        citedOutlet: s.cited ?? null,
      },
    ],
  }))
}
