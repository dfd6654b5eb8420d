/**
 * The page for an address that names nothing.
 */
import { Layout } from '../layout'

export function NotFoundPage({ message }: { message: string }) {
  return (
    <Layout title="Not found">
      <h1>Not found</h1>
      <p>{message}</p>
      <p>
        <a href="/">Search the quotes</a> or ask <a href="/claims">who reported a claim</a>.
      </p>
    </Layout>
  )
}
