/**
 * What was wrong with the request, in words, announced to screen readers, with a link that
 * fixes it when there is one; nothing when all is well.
 */
export function ErrorNote({
  error,
  fix,
}: {
  error: string | null
  fix?: { label: string; href: string }
}) {
  return error ? (
    <p class="error" role="alert">
      {error}
      {fix ? (
        <>
          {' '}
          <a href={fix.href}>{fix.label}</a>
        </>
      ) : null}
    </p>
  ) : null
}
