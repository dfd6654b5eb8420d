/** What was wrong with the request, in words, announced to screen readers; nothing when all is well. */
export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p class="error" role="alert">
      {error}
    </p>
  ) : null
}
