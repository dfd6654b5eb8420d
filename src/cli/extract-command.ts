/**
 * `npm run extract -- FILE... [--date DATE] [--url URL] [--outlet SLUG]`: the statements in each file, one JSON
 * line per file, `{"file": …, "statements": […]}`, without storing anything. Outlets are
 * recognised from the built-in list and, when the database QUOTEDB_DB names exists, its outlets.
 */
import { readFileSync } from 'node:fs'
import { extractStatements } from '../extract/extract'
import type { ExtractedStatement } from '../extract/types'

export interface ExtractCommand {
  files: string[]
  published: string | null
  url: string | null
  /** The reporting outlet's slug, printed with each file's statements. */
  outlet: string | null
  outlets: Array<{ name: string; aliases: string[] }>
}

/** A statement as the command prints it: the chain flattened to names and spans. */
export function printable(s: ExtractedStatement) {
  return {
    text: s.text,
    start: s.start,
    end: s.end,
    kind: s.kind,
    cue: s.cue,
    cueSpan: s.cueSpan,
    speaker: s.speaker?.name ?? null,
    speakerTitle: s.speaker?.title ?? null,
    anonymous: s.speaker?.anonymous ?? null,
    speakerMention: s.speakerMention,
    citedOutlet: s.citedOutlet?.name ?? null,
    audience: s.audience?.text ?? null,
    said: s.said,
    method: s.method,
    confidence: s.confidence,
  }
}

export function runExtract(
  command: ExtractCommand,
  out: (line: string) => void = (l) => console.log(l),
): number {
  let failed = 0
  for (const file of command.files) {
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      console.error(`Cannot read ${file}.`)
      failed++
      continue
    }
    const statements = extractStatements(text, {
      published: command.published,
      outlets: command.outlets,
    })
    out(
      JSON.stringify({
        file,
        ...(command.url ? { url: command.url } : {}),
        ...(command.outlet ? { outlet: command.outlet } : {}),
        statements: statements.map(printable),
      }),
    )
  }
  return failed > 0 ? 1 : 0
}
