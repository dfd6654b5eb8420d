/**
 * The review queue (`/review`): what the extractor stored and no person has accepted, least sure
 * first. Each statement shows its attribution as stored, how the extractor reached it and how
 * sure that way is, and the stretch of the article holding it with the evidence marked — the
 * statement, the cue, the words naming the source — then, for a signed-in reviewer, accept,
 * correct (speaker, title, cited outlet, kind, words) or reject. Anyone may read the queue.
 */
import type { Child } from 'hono/jsx'
import type { AttributionMethod } from '../../domain/vocabulary'
import { QUOTE_KINDS } from '../../domain/vocabulary'
import type { Article, Page } from '../../domain/types'
import { evidenceSpans, type EvidenceKind, type ReviewItem } from '../../services/review'
import { Chain } from '../components/citation'
import { ErrorNote } from '../components/error-note'
import { Pagination } from '../components/pagination'
import { KIND_NAMES, shortened } from '../format'
import { Layout } from '../layout'

export const REVIEW_PAGE_SIZE = 20

/** How the extractor found who spoke, in words. */
const METHOD_WORDS: Record<AttributionMethod, string> = {
  named: 'the speaker named with it',
  surname: 'a surname used earlier in the article',
  title: 'the office the article gave someone',
  'nearest-person': 'the person named just before it',
  pronoun: 'a pronoun (“she”, “he”, “they”)',
  anonymous: 'an unnamed source',
  outlet: 'an outlet named as the source',
  'sentence-after': 'the sentence after it',
  'sentence-before': 'the sentence before it',
  'runs-on': 'the quotation it runs on from',
  transcript: 'a transcript’s speaker label',
  signature: 'the article’s signature',
  headline: 'the headline',
  'cue-only': 'a cue that names nobody',
}

/** The three kinds of evidence marked in the article text, and what each mark is called. */
const MARKS: Array<{ kind: EvidenceKind; label: string }> = [
  { kind: 'statement', label: 'the statement' },
  { kind: 'cue', label: 'the cue' },
  { kind: 'source', label: 'who it is attributed to' },
]

/**
 * The excerpt with each stretch of evidence in a `<mark>` naming what it is (stretches may
 * overlap: a piece inside two gets both names).
 */
function MarkedExcerpt({ item }: { item: ReviewItem }) {
  const { statement, excerpt } = item
  if (!excerpt) return null
  const spans = evidenceSpans(statement)
  const cuts = [...new Set([excerpt.start, excerpt.end, ...spans.flatMap((s) => [s.start, s.end])])]
    .filter((at) => at >= excerpt.start && at <= excerpt.end)
    .sort((a, b) => a - b)
  const pieces: Child[] = []
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!]
    const text = excerpt.text.slice(from - excerpt.start, to - excerpt.start)
    const kinds = spans.filter((s) => s.start <= from && to <= s.end).map((s) => s.kind)
    pieces.push(kinds.length > 0 ? <mark class={kinds.join(' ')}>{text}</mark> : text)
  }
  return <p class="excerpt">{pieces}</p>
}

function Decisions({
  item,
  formToken,
  back,
}: {
  item: ReviewItem
  formToken: string
  back: string
}) {
  const { statement } = item
  const id = statement.id
  const action = `/review/${id}`
  const hidden = (
    <>
      <input type="hidden" name="form" value={formToken} />
      <input type="hidden" name="back" value={back} />
    </>
  )
  return (
    <div class="decisions">
      <form method="post" action={action} class="inline">
        {hidden}
        <button type="submit" name="decision" value="accept">
          Accept
        </button>
      </form>
      <form method="post" action={action} class="inline">
        {hidden}
        <button type="submit" name="decision" value="reject" class="secondary">
          Reject
        </button>
      </form>
      <details class="correct">
        <summary>Correct…</summary>
        <form method="post" action={action} class="correction">
          {hidden}
          {/* What the form shows, so that only what the reviewer changed is changed. */}
          <input type="hidden" name="was-speaker" value={statement.speaker?.name ?? ''} />
          <input type="hidden" name="was-speakerTitle" value={statement.speaker?.title ?? ''} />
          <input type="hidden" name="was-citedOutlet" value={statement.citedOutlet?.name ?? ''} />
          <input type="hidden" name="was-kind" value={statement.kind} />
          <input type="hidden" name="was-text" value={statement.text} />
          <label for={`speaker-${id}`}>Speaker</label>
          <input
            id={`speaker-${id}`}
            name="speaker"
            value={statement.speaker?.name ?? ''}
            maxlength={300}
            aria-describedby={`speaker-help-${id}`}
          />
          <p class="help" id={`speaker-help-${id}`}>
            A name or slug; someone new is added. Empty when an outlet or a report is the source.
          </p>
          <label for={`title-${id}`}>Speaker’s title in this article</label>
          <input
            id={`title-${id}`}
            name="speakerTitle"
            value={statement.speaker?.title ?? ''}
            maxlength={1000}
          />
          <label for={`cited-${id}`}>Cited outlet</label>
          <input
            id={`cited-${id}`}
            name="citedOutlet"
            value={statement.citedOutlet?.name ?? ''}
            maxlength={300}
          />
          <label for={`kind-${id}`}>Kind</label>
          <select id={`kind-${id}`} name="kind">
            {QUOTE_KINDS.map((kind) => (
              <option value={kind} selected={kind === statement.kind}>
                {KIND_NAMES[kind].one}
              </option>
            ))}
          </select>
          <label for={`text-${id}`}>Words, as printed in the article</label>
          <textarea id={`text-${id}`} name="text" rows={3} maxlength={100_000}>
            {statement.text}
          </textarea>
          <button type="submit" name="decision" value="correct">
            Save correction
          </button>
        </form>
      </details>
    </div>
  )
}

function ReviewEntry({
  item,
  formToken,
  back,
}: {
  item: ReviewItem
  formToken: string | null
  back: string
}) {
  const { statement } = item
  const extraction = statement.extraction!
  return (
    <li class="review-item" id={`statement-${statement.id}`}>
      <p class="review-facts">
        <span class="confidence">{`${Math.round(extraction.confidence * 100)}% sure`}</span>{' '}
        <span class="muted">
          {KIND_NAMES[statement.kind].one}, attributed by {METHOD_WORDS[extraction.method]}
        </span>
      </p>
      <MarkedExcerpt item={item} />
      <p class="chain">
        <Chain quote={statement} />
      </p>
      {formToken ? <Decisions item={item} formToken={formToken} back={back} /> : null}
    </li>
  )
}

export function ReviewPage({
  queue,
  article,
  params,
  formToken,
  notice,
  error,
}: {
  queue: Page<ReviewItem>
  /** The one article reviewed (`?article=`); null for every article. */
  article: Pick<Article, 'id' | 'title' | 'outlet'> | null
  params: URLSearchParams
  /** The signed-in reviewer's form token; null for a reader who is not signed in. */
  formToken: string | null
  /** What was just done, to say so. */
  notice: string | null
  error: string | null
}) {
  const back = `/review${params.size > 0 ? `?${params}` : ''}`
  return (
    <Layout
      title={
        article
          ? `Review: ${shortened(article.title ?? article.outlet.name, 60)} (${queue.total})`
          : `Review (${queue.total})`
      }
      current="review"
    >
      <h1>Review</h1>
      {article ? (
        <p class="review-article">
          In{' '}
          <a href={`/articles/${article.id}`}>
            {article.title ?? `an article of ${article.outlet.name}`}
          </a>{' '}
          ({article.outlet.name}) · <a href="/review">every article</a>
        </p>
      ) : null}
      <p class="lede">
        {queue.total === 0
          ? `Nothing awaits review${article ? ' in this article' : ''}: every statement the extractor stored has been accepted, corrected or rejected.`
          : `${queue.total} ${queue.total === 1 ? 'statement' : 'statements'} found by the extractor ${queue.total === 1 ? 'awaits' : 'await'} review, least sure first. Accepted and corrected statements become curated; rejected ones are removed.`}
      </p>
      {formToken ? (
        <form method="post" action="/sign-out" class="inline session">
          <input type="hidden" name="form" value={formToken} />
          Signed in. <button class="link">Sign out</button>
        </form>
      ) : (
        <p class="session">
          <a href={`/sign-in?next=${encodeURIComponent(back)}`}>Sign in</a> to accept, correct or
          reject them.
        </p>
      )}
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <ErrorNote error={error} />
      {queue.items.length > 0 ? (
        <>
          <p class="legend muted">
            In the article’s words:{' '}
            {MARKS.map((m, i) => (
              <>
                {i > 0 ? ' · ' : null}
                <mark class={m.kind}>{m.label}</mark>
              </>
            ))}
          </p>
          <ol class="review-list">
            {queue.items.map((item) => (
              <ReviewEntry item={item} formToken={formToken} back={back} />
            ))}
          </ol>
        </>
      ) : queue.total > 0 ? (
        <p class="nothing">
          No more on this page: <a href="/review">back to the first</a>.
        </p>
      ) : null}
      <Pagination total={queue.total} offset={queue.offset} limit={queue.limit} params={params} />
    </Layout>
  )
}

/** The sign-in form: the write token, once, for a session of the pages. */
export function SignInPage({
  next,
  error,
  enabled,
}: {
  next: string
  error: string | null
  /** False when the server has no write token: there is nothing to sign in to. */
  enabled: boolean
}) {
  return (
    <Layout title="Sign in" current="review">
      <h1>Sign in</h1>
      {enabled ? (
        <>
          <p class="lede">
            Reviewing needs the write token this server was started with (<code>QUOTEDB_TOKEN</code>
            ). Reading needs nothing.
          </p>
          <ErrorNote error={error} />
          <form method="post" action="/sign-in" class="sign-in">
            <input type="hidden" name="next" value={next} />
            <label for="token">Write token</label>
            <input
              id="token"
              name="token"
              type="password"
              autocomplete="current-password"
              required
              maxlength={1000}
            />
            <button type="submit">Sign in</button>
          </form>
        </>
      ) : (
        <p class="error" role="alert">
          Writes are turned off on this server: it was started without <code>QUOTEDB_TOKEN</code>,
          so there is nothing to sign in to. Reading needs nothing.
        </p>
      )}
      <p>
        <a href={next}>{shortened(`Back to ${next}`, 60)}</a>
      </p>
    </Layout>
  )
}
