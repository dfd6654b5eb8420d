/**
 * The page for an address that names nothing, and for a request the server could not answer.
 */
import { Layout } from '../layout'

const WAYS_ON = (
  <p>
    <a href="/">Search the quotes</a> or ask <a href="/claims">who reported a claim</a>.
  </p>
)

export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="Not found">
      <h1>Not found</h1>
      <p>{message}</p>
      {WAYS_ON}
    </Layout>
  )
}

export function FailurePage({ message }: { message: string }) {
  return (
    <Layout title="Not answered">
      <h1>This page could not be answered</h1>
      <p>{message}</p>
      {WAYS_ON}
    </Layout>
  )
}
