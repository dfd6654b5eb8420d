/**
 * `npm run export -- --format ndjson|csv [filters] [--out FILE]`: every quote matching the filters,
 * to standard output or a file.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Store } from '../domain/store'
import { openSearchIndexes } from '../search/indexes'
import { createServices } from '../services'
import type { QuoteFilterParams } from '../services/quotes'
import type { ExportFormat } from '../services/transfer'

export interface ExportCommand {
  format: ExportFormat
  filters: QuoteFilterParams
  out: string | null
}

/** Runs an export through the services, as the API does; returns the process exit code. */
export async function runExport(store: Store, command: ExportCommand): Promise<number> {
  // The vocabulary loads in the background; only a search with words waits for it.
  const services = createServices({ store, indexes: await openSearchIndexes(store) })
  const chunks = await services.exportQuotes(command.format, command.filters)
  const out = command.out ? createWriteStream(command.out) : process.stdout
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain')
  }
  if (command.out) {
    await new Promise<void>((resolve, reject) =>
      (out as ReturnType<typeof createWriteStream>).end((e?: Error) => (e ? reject(e) : resolve())),
    )
  }
  return 0
}
