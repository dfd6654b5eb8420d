/**
 * The stored names, kept by the writer between writes and brought up to date from the change feed,
 * as SQLite's `../kept-directory.ts`.
 */
import type {
  DirectoryOutlet,
  DirectorySpeaker,
  EntityDirectory,
  Restatement,
} from '../../domain/store'
import { MOST_CHANGES, MOST_RESTATED, renamed, restate } from '../kept-directory'
import { changesAfter, feedHead } from './change-feed'
import type { PgDb } from './client'
import { readDirectory } from './import-session'

/** Reads every stored name, as a directory that can catch up. */
export async function keepDirectory(db: PgDb): Promise<KeptDirectory> {
  const position = await feedHead(db.$client)
  return new KeptDirectory(position, await readDirectory(db))
}

export class KeptDirectory {
  /** The feed position the directory has taken in. */
  position: number
  readonly directory: EntityDirectory & { restated: Restatement[] }
  readonly #outlets: Map<number, DirectoryOutlet>
  readonly #speakers: Map<number, DirectorySpeaker>

  /** The directory read at feed position `position` (see `keepDirectory`). */
  constructor(
    position: number,
    {
      outlets,
      speakers,
    }: { outlets: Map<number, DirectoryOutlet>; speakers: Map<number, DirectorySpeaker> },
  ) {
    this.position = position
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
  async catchUp(db: PgDb): Promise<boolean> {
    const head = await feedHead(db.$client)
    if (head === this.position) return true
    const { changes, gap } = await changesAfter(db.$client, this.position, MOST_CHANGES + 1)
    if (gap || changes.length > MOST_CHANGES) return false
    const ids = renamed(changes)
    if (ids.outlets.size + ids.speakers.size > 0) {
      const fresh = await readDirectory(db, {
        outlets: [...ids.outlets],
        speakers: [...ids.speakers],
      })
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
