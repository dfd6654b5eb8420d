/**
 * Where a statement came from, drawn: the one-line answer, and the outlets that carried it as a
 * timeline — each with its date, its roles, whom it cited and a link to its own report — in the
 * order they surely carried it, an uncertain place marked as such.
 */
import type { PartialDate } from '../../domain/types'
import { provenanceLine, type ProvenanceRole, type ThreadOutlet } from '../../services/provenance'
import { writtenDate } from '../format'

const ROLE_NAMES: Record<ProvenanceRole, string> = {
  origin: 'Origin',
  cited: 'Cited as the source',
  reported: 'Re-reported it',
}

/** "February 2025 (day unknown)", "18 February 2025". */
const dated = (date: PartialDate) =>
  `${writtenDate(date)}${date.precision === 'day' ? '' : ' (day unknown)'}`

export function ProvenanceAnswer({ outlets }: { outlets: ThreadOutlet[] }) {
  return <p class="answer">{provenanceLine(outlets, writtenDate)}</p>
}

export function OutletTimeline({ outlets }: { outlets: ThreadOutlet[] }) {
  return (
    <ol class="timeline" aria-label="Outlets that carried it, earliest first">
      {outlets.map((o) => (
        <li class={o.roles.includes('origin') ? 'origin' : undefined}>
          <span class="when">
            {dated(o.earliest)}
            {o.certain ? null : <span class="uncertain"> · order unknown</span>}
          </span>{' '}
          <a href={`/outlets/${o.outlet.slug}`}>{o.outlet.name}</a>
          {o.roles.map((role) => (
            <span class={`badge ${role}`}>{ROLE_NAMES[role]}</span>
          ))}
          {o.citing.length > 0 ? (
            <span class="muted">
              {' '}
              citing{' '}
              {o.citing.map((c, i) => (
                <>
                  {i > 0 ? ', ' : ''}
                  <a href={`/outlets/${c.slug}`}>{c.name}</a>
                </>
              ))}
            </span>
          ) : null}
          {o.roles.includes('cited') && o.statements.length > 0 ? (
            <>
              {' · '}
              <a href={`/quotes/${o.statements[0]}`}>its own report</a>
            </>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
