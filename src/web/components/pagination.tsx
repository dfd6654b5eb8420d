/**
 * Pages of a result list: previous, numbered pages around the current one, next. Links keep the
 * rest of the search.
 */
import { withParams } from '../format'

export function Pagination({
  total,
  offset,
  limit,
  params,
}: {
  total: number
  offset: number
  limit: number
  params: URLSearchParams
}) {
  if (total <= limit) return null
  const pages = Math.ceil(total / limit)
  const current = Math.floor(offset / limit)
  const link = (page: number) =>
    withParams(params, { offset: page === 0 ? null : String(page * limit) })
  const shown = [
    ...new Set([0, current - 2, current - 1, current, current + 1, current + 2, pages - 1]),
  ]
    .filter((p) => p >= 0 && p < pages)
    .sort((a, b) => a - b)
  return (
    <nav class="pages" aria-label="Pages">
      {current > 0 ? (
        <a href={link(current - 1)} rel="prev">
          ← Previous
        </a>
      ) : null}
      {shown.map((page, i) => (
        <>
          {i > 0 && page - shown[i - 1]! > 1 ? <span class="muted">…</span> : null}
          {page === current ? (
            <span aria-current="page">{page + 1}</span>
          ) : (
            <a href={link(page)}>{page + 1}</a>
          )}
        </>
      ))}
      {current < pages - 1 ? (
        <a href={link(current + 1)} rel="next">
          Next →
        </a>
      ) : null}
    </nav>
  )
}
