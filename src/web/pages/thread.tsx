/**
 * One statement in every outlet that carried it (`/threads/:id`): the words, who said it and by
 * when, where it came from in one line, the outlets as a timeline, and every statement with its
 * chain.
 */
import type { ThreadReport } from '../../services/threads'
import { CitationList } from '../components/citation'
import { OutletTimeline, ProvenanceAnswer } from '../components/provenance'
import { writtenDate, writtenDayRange } from '../format'
import { Layout } from '../layout'

/** "by 28 February 2025", "between 10 and 16 February 2025". */
function saidWhen(said: ThreadReport['said']): string {
  return said.earliest
    ? `between ${writtenDayRange(said.earliest, said.latest)}`
    : `by ${writtenDate({ date: said.latest, precision: 'day' })}`
}

export function ThreadPage({ thread }: { thread: ThreadReport }) {
  const who = thread.speaker?.name ?? 'an unnamed source'
  const shown = thread.statements.length
  return (
    <Layout title={`What ${who} said, and who carried it`}>
      <h1>What {who} said, and who carried it</h1>
      <blockquote class="quote thread-text">“{thread.text}”</blockquote>
      <p class="muted">
        {thread.speaker ? (
          <a href={`/speakers/${thread.speaker.slug}`}>{thread.speaker.name}</a>
        ) : (
          'An unnamed source'
        )}
        , said {saidWhen(thread.said)} · {thread.statementCount}{' '}
        {thread.statementCount === 1 ? 'statement' : 'statements'} in {thread.outlets.length}{' '}
        {thread.outlets.length === 1 ? 'outlet' : 'outlets'}
      </p>
      <ProvenanceAnswer outlets={thread.outlets} />
      <h2>Who carried it, earliest first</h2>
      <OutletTimeline outlets={thread.outlets} />
      <h2>
        Every statement{shown < thread.statementCount ? ` (the first ${shown})` : ''}, earliest
        first
      </h2>
      <CitationList quotes={thread.statements} />
    </Layout>
  )
}
