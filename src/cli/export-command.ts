/**
 * `npm run export -- --format ndjson|csv [filters] [--out FILE]`: every quote matching the filters,
 * to standard output or a file.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import type { Store } from '../domain/store'
import { NameIndex } from '../search/names'
import { buildSearchIndexes } from '../search/indexes'
import { QuoteFacts } from '../search/quote-facts'
import { Vocabulary } from '../search/typos'
import type { QuoteFilterParams } from '../services/quotes'
import { exportQuotes, type ExportFormat } from '../services/transfer'

export interface ExportCommand {
  format: ExportFormat
  filters: QuoteFilterParams
  out: string | null
}

export async function runExport(store: Store, command: ExportCommand): Promise<number> {
  // Words need the typo vocabulary; filters alone do not, and a large database builds it slowly.
  const indexes = command.filters.q
    ? await buildSearchIndexes(store)
    : {
        vocabulary: new Vocabulary(),
        names: new NameIndex(),
        facts: new QuoteFacts(),
        complete: Promise.resolve(),
        revision: 0,
        version: 0,
      }
  const chunks = await exportQuotes({ store, indexes }, command.format, command.filters)
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
