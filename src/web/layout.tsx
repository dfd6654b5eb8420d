/**
 * The frame of every page: header with the site's name and navigation, the page's content, and
 * a footer. One stylesheet and one optional script, both served by the app.
 */
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'

export interface LayoutProps {
  title: string
  children: Child
  /** The navigation link to mark as current. */
  current?: 'search' | 'claims' | 'review'
}

export function Layout({ title, children, current }: LayoutProps) {
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <link rel="icon" href="data:," />
          <title>{`${title} · quotedb`}</title>
          <link rel="stylesheet" href="/static/style.css" />
          <script src="/static/app.js" defer></script>
        </head>
        <body>
          <a class="skip" href="#content">
            Skip to content
          </a>
          <header class="site">
            <div class="bar">
              <a class="brand" href="/">
                quotedb
              </a>
              <nav aria-label="Main">
                <a href="/" aria-current={current === 'search' ? 'page' : undefined}>
                  Search quotes
                </a>
                <a href="/claims" aria-current={current === 'claims' ? 'page' : undefined}>
                  Who reported this?
                </a>
                <a href="/review" aria-current={current === 'review' ? 'page' : undefined}>
                  Review
                </a>
                <a href="/openapi.json">API</a>
              </nav>
            </div>
          </header>
          <main id="content">{children}</main>
          <footer class="site">
            quotedb — who said what, which outlet reported it, and whom that outlet cited.
          </footer>
        </body>
      </html>
    </>
  )
}
