/**
 * The stored names, kept by the writer between writes: reading twenty thousand speakers for each
 * statement written through the API would cost more than the write. Between two writes the
 * directory catches up with the change feed: the speakers and outlets it names are read again by
 * id, and each change is recorded (`restated`) for the resolver built on the directory to take in.
 */
import type {
  Change,
  DirectoryOutlet,
  DirectorySpeaker,
  EntityDirectory,
  Restatement,
} from '../domain/store'
import { changesAfter, feedHead } from './change-feed'
import type { Db } from './client'
import { readDirectory } from './import-session'

/** More changes than this between two writes: the directory is read whole again instead. */
export const MOST_CHANGES = 5000
/** A directory that has taken in more changes than this is read whole again (its log is long). */
export const MOST_RESTATED = 20_000

/** Reads every stored name, as a directory that can catch up. */
export function keepDirectory(db: Db): KeptDirectory {
  return new KeptDirectory(db)
}

export class KeptDirectory {
  /** The feed position the directory has taken in. */
  position: number
  readonly directory: EntityDirectory & { restated: Restatement[] }
  readonly #outlets: Map<number, DirectoryOutlet>
  readonly #speakers: Map<number, DirectorySpeaker>

  constructor(db: Db) {
    this.position = feedHead(db)
    const { outlets, speakers } = readDirectory(db)
    this.#outlets = outlets
    this.#speakers = speakers
    this.directory = {
      outlets: [...outlets.values()],
      speakers: [...speakers.values()],
      restated: [],
    }
  }

  /**
   * Takes in the changes to speakers and outlets since `position`, reading those records by id.
   * False when it cannot (too many changes, or some already pruned): read the directory again.
   */
  catchUp(db: Db): boolean {
    const head = feedHead(db)
    if (head === this.position) return true
    const { changes, gap } = changesAfter(db, this.position, MOST_CHANGES + 1)
    if (gap || changes.length > MOST_CHANGES) return false
    const ids = renamed(changes)
    if (ids.outlets.size + ids.speakers.size > 0) {
      const fresh = readDirectory(db, { outlets: [...ids.outlets], speakers: [...ids.speakers] })
      const { restated } = this.directory
      for (const id of ids.outlets)
        restate(restated, 'outlet', this.#outlets, id, fresh.outlets.get(id))
      for (const id of ids.speakers)
        restate(restated, 'speaker', this.#speakers, id, fresh.speakers.get(id))
      this.directory.outlets = [...this.#outlets.values()]
      this.directory.speakers = [...this.#speakers.values()]
    }
    this.position = head
    return this.directory.restated.length <= MOST_RESTATED
  }
}

/** The outlets and speakers whose names `changes` may have changed, by id. */
export function renamed(changes: Change[]): { outlets: Set<number>; speakers: Set<number> } {
  const ids = { outlets: new Set<number>(), speakers: new Set<number>() }
  for (const { entity, id, op } of changes) {
    // A moved quote or a new title changes no name.
    if (op === 'refs' || op === 'titles') continue
    if (entity === 'outlet') ids.outlets.add(id)
    if (entity === 'speaker') ids.speakers.add(id)
  }
  return ids
}

/** Takes a record read again (`after`; undefined when gone) into `records`, noting it in `restated`. */
export function restate<T extends DirectoryOutlet | DirectorySpeaker>(
  restated: Restatement[],
  kind: T extends DirectoryOutlet ? 'outlet' : 'speaker',
  records: Map<number, T>,
  id: number,
  after: T | undefined,
): void {
  const before = records.get(id) ?? null
  if (before === null && after === undefined) return
  if (after === undefined) records.delete(id)
  else records.set(id, after)
  restated.push({ kind, before, after: after ?? null } as Restatement)
}
