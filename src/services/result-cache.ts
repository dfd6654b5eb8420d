/**
 * Answers to searches, kept for when the same search comes again — a page reloaded, a link shared,
 * the next person looking up the same name. An answer is reused only while the database and the
 * in-memory indexes are exactly as they were when it was computed: any write, by this process or
 * another, makes every kept answer stale.
 */
/** How many answers are kept; the least recently used goes first. Default: 500. */
export const RESULT_CACHE_SIZE = 500

export class ResultCache<T> {
  readonly #answers = new Map<string, T>()
  #state = ''

  constructor(readonly size = RESULT_CACHE_SIZE) {}

  /**
   * The kept answer to `request`, or the one `compute` gives (then kept). `state` names what the
   * answers depend on — the database and the indexes — and changes whenever either does.
   */
  async answer(
    state: () => Promise<string>,
    request: unknown,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (this.size === 0) return compute()
    const before = await state()
    if (before !== this.#state) {
      this.#answers.clear()
      this.#state = before
    }
    const key = JSON.stringify(request)
    const kept = this.#answers.get(key)
    if (kept !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.#answers.delete(key)
      this.#answers.set(key, kept)
      return kept
    }
    const answer = await compute()
    // Only an answer computed against the state it was asked in may be kept.
    if (before === (await state())) {
      this.#answers.set(key, answer)
      if (this.#answers.size > this.size) this.#answers.delete(this.#answers.keys().next().value!)
    }
    return answer
  }
}
