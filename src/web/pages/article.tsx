/**
 * An article (`/articles/:id`): its text with every statement marked and followed by whom it is
 * attributed to, then the list of statements — so a reader can check each one against the text.
 */
import type { Article, ArticleStatement } from '../../domain/types'
import { Fact } from '../components/facts'
import { KIND_NAMES, safeHref, writtenDate } from '../format'
import { Layout } from '../layout'

/**
 * Where a statement's speaker tag goes: after the statement and the closing quotation mark and
 * punctuation that follow it ("…Mexico,” [A U.S. official]"), not inside the quotation.
 */
function tagPosition(body: string, end: number): number {
  let at = end
  while (at < body.length && at - end < 3 && /[”"’'.,;:!?)]/.test(body[at]!)) at++
  return at
}

type Piece = { text: string; statement: ArticleStatement | null; tags: ArticleStatement[] }

/**
 * The body cut where statements begin and end: each piece with the innermost statement over it,
 * and the speaker tags that follow it (one per speaker at a place, for nested statements).
 */
function pieces(body: string, statements: ArticleStatement[]): Piece[] {
  const placed = statements.filter((s) => s.start !== null && s.end !== null)
  const tagsAt = new Map<number, ArticleStatement[]>()
  for (const s of placed) {
    const at = tagPosition(body, s.end!)
    const here = tagsAt.get(at) ?? []
    if (!here.some((t) => tagLabel(t) === tagLabel(s))) here.push(s)
    tagsAt.set(at, here)
  }
  const cuts = [
    ...new Set([0, body.length, ...placed.flatMap((s) => [s.start!, s.end!]), ...tagsAt.keys()]),
  ].sort((a, b) => a - b)
  const result: Piece[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    const over = placed
      .filter((s) => s.start! <= from && s.end! >= to)
      .sort((a, b) => a.end! - a.start! - (b.end! - b.start!))
    result.push({
      text: body.slice(from, to),
      statement: over[0] ?? null,
      tags: tagsAt.get(to) ?? [],
    })
  }
  return result
}

/** Who a statement is attributed to: its speaker, else the outlet it cites. */
const tagLabel = (s: ArticleStatement) => s.speaker?.name ?? s.citedOutlet?.name ?? 'unattributed'

/** The small label after a marked statement: who said it, linked to their page. */
function SpeakerTag({ statement }: { statement: ArticleStatement }) {
  const href = statement.speaker
    ? `/speakers/${statement.speaker.slug}`
    : statement.citedOutlet
      ? `/outlets/${statement.citedOutlet.slug}`
      : null
  const label = (
    <>
      <span class="visually-hidden">(attributed to </span>
      {tagLabel(statement)}
      <span class="visually-hidden">)</span>
    </>
  )
  return href ? (
    <a class="speaker-tag" href={href}>
      {label}
    </a>
  ) : (
    <span class="speaker-tag">{label}</span>
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
            are marked; each is followed by whom it is attributed to.
          </p>
          <div class="article-text">
            {pieces(article.body, article.statements).map(({ text, statement, tags }) => (
              <>
                {statement ? <mark class={statement.kind}>{text}</mark> : text}
                {tags.map((t) => (
                  <SpeakerTag statement={t} />
                ))}
              </>
            ))}
          </div>
        </>
      ) : (
        <p class="muted">The text of this article is not stored; its statements are unverified.</p>
      )}
      <h2>Statements</h2>
      <ol class="statements">
        {article.statements.map((s) => (
          <li id={`s-${s.id}`}>
            <span class="kind">{KIND_NAMES[s.kind].one}</span>
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
