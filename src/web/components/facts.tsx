/**
 * A page's facts as a definition list: `<Fact term="Country">US</Fact>` shows nothing when the
 * value is missing or an empty list, so pages state only what is known.
 */
import type { Child } from 'hono/jsx'

export function Fact({ term, children }: { term: string; children?: Child }) {
  const empty = children === null || children === undefined || children === '' || children === false
  if (empty) return null
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** Several names on one line, or nothing when there are none. */
export const joined = (names: string[]) => (names.length > 0 ? names.join(' · ') : null)
