/**
 * An article (`/articles/:id`): its text with every statement marked, each linked to its place in
 * the list below, where its speaker is linked — so a reader can check each one against the text.
 */
import type { Article, ArticleStatement } from '../../domain/types'
import { Fact } from '../components/facts'
import { safeHref, writtenDate } from '../format'
import { Layout } from '../layout'

/** The body cut where statements begin and end; each piece with the innermost statement over it. */
function pieces(body: string, statements: ArticleStatement[]) {
  const placed = statements.filter((s) => s.start !== null && s.end !== null)
  const cuts = [...new Set([0, body.length, ...placed.flatMap((s) => [s.start!, s.end!])])].sort(
    (a, b) => a - b,
  )
  const result: Array<{
    text: string
    statement: ArticleStatement | null
    endsStatement: boolean
  }> = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    const over = placed
      .filter((s) => s.start! <= from && s.end! >= to)
      .sort((a, b) => a.end! - a.start! - (b.end! - b.start!))
    const statement = over[0] ?? null
    result.push({ text: body.slice(from, to), statement, endsStatement: statement?.end === to })
  }
  return result
}

/** The small label after a marked statement: who said it, linked to their page. */
function SpeakerTag({ statement }: { statement: ArticleStatement }) {
  return statement.speaker ? (
    <a class="speaker-tag" href={`/speakers/${statement.speaker.slug}`}>
      {statement.speaker.name}
    </a>
  ) : (
    <span class="speaker-tag">unnamed</span>
  )
}

export function ArticlePage({ article }: { article: Article }) {
  const href = safeHref(article.url)
  const title = article.title ?? article.url
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <dl class="facts">
        <Fact term="Published by">
          <a href={`/outlets/${article.outlet.slug}`}>{article.outlet.name}</a>,{' '}
          {writtenDate(article.published)}
        </Fact>
        <Fact term="By">{article.byline}</Fact>
        <Fact term="Address">{href ? <a href={href}>{article.url}</a> : article.url}</Fact>
        <Fact term="Statements">{article.statements.length}</Fact>
      </dl>
      {article.body ? (
        <>
          <p class="legend muted">
            <mark class="direct">Quoted words</mark> and <mark class="paraphrase">paraphrases</mark>{' '}
            are marked; each ends with its speaker.
          </p>
          <div class="article-text">
            {pieces(article.body, article.statements).map(({ text, statement, endsStatement }) =>
              statement ? (
                <>
                  <mark class={statement.kind}>
                    <a href={`#s-${statement.id}`}>{text}</a>
                  </mark>
                  {endsStatement ? <SpeakerTag statement={statement} /> : null}
                </>
              ) : (
                text
              ),
            )}
          </div>
        </>
      ) : (
        <p class="muted">The text of this article is not stored; its statements are unverified.</p>
      )}
      <h2>Statements</h2>
      <ol class="statements">
        {article.statements.map((s) => (
          <li id={`s-${s.id}`}>
            <span class="kind">{s.kind}</span>
            {s.kind === 'paraphrase' ? s.text : `“${s.text}”`} —{' '}
            {s.speaker ? (
              <a href={`/speakers/${s.speaker.slug}`}>{s.speaker.name}</a>
            ) : (
              <span class="muted">no named speaker</span>
            )}
            {s.cue ? ` (${s.cue})` : ''}
            {s.citedOutlet ? (
              <>
                , citing <a href={`/outlets/${s.citedOutlet.slug}`}>{s.citedOutlet.name}</a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </Layout>
  )
}
