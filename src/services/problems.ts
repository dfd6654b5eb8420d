/**
 * Turning import problems into the API's errors: the first problem names the field, and every
 * problem is listed.
 */
import { AppError } from '../domain/errors'
import type { ImportProblem, ImportReport } from '../import/importer'

/** A 400 for a refused write, naming the first field at fault and listing every problem. */
export class InvalidRecord extends AppError {
  constructor(readonly problems: ImportProblem[]) {
    const [first] = problems
    const message = first
      ? `${first.field ? `${first.field}: ` : ''}${first.message}.`
      : 'The record is not valid.'
    super('invalid_parameter', message.replace(/\.\.$/, '.'), first?.field || undefined)
  }
}

/** Throws when a one-record write was refused. */
export function assertCommitted(report: ImportReport): void {
  if (!report.committed) throw new InvalidRecord(report.problems)
}
