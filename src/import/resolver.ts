/**
 * Entity resolution: turning the names an import uses for outlets and speakers into the records
 * they mean. A name, alias, domain, slug or Wikidata id that already belongs to a stored record is
 * reused, so "The New York Times", "New York Times", "NYT" and nytimes.com are one outlet; a name
 * nobody has yet becomes a new record (for outlets, completed from the built-in list of major
 * outlets when it is one of them).
 *
 * New records stay pending until the batch that introduced them is written: `settle` keeps those
 * written and forgets the rest, so a rejected line leaves nothing behind.
 */
import type { OutletRecord, SpeakerRecord } from '../domain/bundle'
import { domainOf, nameKey, slugify } from '../domain/identity'
import { KNOWN_OUTLETS } from '../domain/known-outlets'
import type { DirectoryOutlet, DirectorySpeaker, EntityDirectory } from '../domain/store'
import type { OutletRef, SpeakerRef } from './item-schema'

/**
 * What a name resolved to: a slug, with the record to write when it is new and not yet written
 * (every item that names a new record carries it, so it is written with the first valid one).
 */
export type Resolution<T> =
  { ok: true; slug: string; created: T | null } | { ok: false; message: string }

/** Names → slugs, where one name may (ambiguously) belong to several records. */
class NameTable {
  readonly #slugsByKey = new Map<string, Set<string>>()

  add(key: string, slug: string): void {
    if (!key) return
    const slugs = this.#slugsByKey.get(key) ?? new Set()
    slugs.add(slug)
    this.#slugsByKey.set(key, slugs)
  }

  remove(key: string, slug: string): void {
    const slugs = this.#slugsByKey.get(key)
    slugs?.delete(slug)
    if (slugs?.size === 0) this.#slugsByKey.delete(key)
  }

  find(key: string): string[] {
    return key ? [...(this.#slugsByKey.get(key) ?? [])] : []
  }
}

const ambiguous = (what: string, name: string, slugs: string[]) =>
  `${what} "${name}" matches several ${what}s (${slugs.sort().join(', ')}); name it by slug`

const knownByDomain = new Map(
  KNOWN_OUTLETS.flatMap((o) =>
    [o.domain, ...o.aliases.map(domainOf)].filter(Boolean).map((d) => [d!, o]),
  ),
)
const knownByKey = new Map(
  KNOWN_OUTLETS.flatMap((o) => [o.name, ...o.aliases].map((n) => [nameKey(n), o])),
)

export class EntityResolver {
  readonly #outletSlugs = new Set<string>()
  readonly #outletNames = new NameTable()
  readonly #outletByDomain = new Map<string, string>()
  /** Slugs a file used for an outlet that turned out to be stored under another slug. */
  readonly #outletSlugAliases = new Map<string, string>()
  readonly #speakerSlugs = new Set<string>()
  /** Named (not anonymous) speakers by name and alias. */
  readonly #speakerNames = new NameTable()
  readonly #speakerByWikidata = new Map<string, string>()
  readonly #wikidataBySpeaker = new Map<string, string>()
  readonly #speakerSlugAliases = new Map<string, string>()
  readonly #pendingOutlets = new Map<string, OutletRecord>()
  readonly #pendingSpeakers = new Map<string, SpeakerRecord>()

  constructor(directory: EntityDirectory) {
    for (const outlet of directory.outlets) this.#rememberOutlet(outlet)
    for (const speaker of directory.speakers) this.#rememberSpeaker(speaker)
  }

  #outletKeys(outlet: DirectoryOutlet): string[] {
    return [outlet.name, ...outlet.aliases].map(nameKey)
  }

  #rememberOutlet(outlet: DirectoryOutlet): void {
    this.#outletSlugs.add(outlet.slug)
    for (const key of this.#outletKeys(outlet)) this.#outletNames.add(key, outlet.slug)
    for (const domain of [outlet.domain, ...outlet.aliases.map(domainOf)]) {
      if (domain && !this.#outletByDomain.has(domain)) this.#outletByDomain.set(domain, outlet.slug)
    }
  }

  #forgetOutlet(outlet: OutletRecord): void {
    this.#outletSlugs.delete(outlet.slug)
    for (const key of this.#outletKeys(outlet)) this.#outletNames.remove(key, outlet.slug)
    for (const [domain, slug] of this.#outletByDomain)
      if (slug === outlet.slug) this.#outletByDomain.delete(domain)
    for (const [from, to] of this.#outletSlugAliases)
      if (to === outlet.slug) this.#outletSlugAliases.delete(from)
  }

  #speakerKeys(speaker: DirectorySpeaker): string[] {
    return [speaker.name, ...speaker.aliases].map(nameKey)
  }

  #rememberSpeaker(speaker: DirectorySpeaker): void {
    this.#speakerSlugs.add(speaker.slug)
    // "A U.S. official" in one article is not the one in another: anonymous sources never match by name.
    if (!speaker.anonymous) {
      for (const key of this.#speakerKeys(speaker)) this.#speakerNames.add(key, speaker.slug)
    }
    if (speaker.wikidataId) {
      this.#speakerByWikidata.set(speaker.wikidataId, speaker.slug)
      this.#wikidataBySpeaker.set(speaker.slug, speaker.wikidataId)
    }
  }

  #forgetSpeaker(speaker: SpeakerRecord): void {
    this.#speakerSlugs.delete(speaker.slug)
    for (const key of this.#speakerKeys(speaker)) this.#speakerNames.remove(key, speaker.slug)
    if (speaker.wikidataId && this.#speakerByWikidata.get(speaker.wikidataId) === speaker.slug) {
      this.#speakerByWikidata.delete(speaker.wikidataId)
    }
    this.#wikidataBySpeaker.delete(speaker.slug)
    for (const [from, to] of this.#speakerSlugAliases)
      if (to === speaker.slug) this.#speakerSlugAliases.delete(from)
  }

  /** The next numbered slug to try for each base slug already taken, per set of slugs. */
  readonly #nextSuffix = new WeakMap<Set<string>, Map<string, number>>()

  #freeSlug(base: string, taken: Set<string>): string {
    if (!taken.has(base)) return base
    // Start where the last search for this base stopped: thirty thousand "a-senior-official-N"
    // must not each count up from 2.
    const next = this.#nextSuffix.get(taken) ?? new Map<string, number>()
    this.#nextSuffix.set(taken, next)
    let n = next.get(base) ?? 2
    while (taken.has(`${base}-${n}`)) n++
    next.set(base, n + 1)
    return `${base}-${n}`
  }

  /** The stored (or pending) outlet for a slug, allowing for slugs the file remapped. */
  #outletBySlug(slug: string): string | null {
    const mapped = this.#outletSlugAliases.get(slug) ?? slug
    return this.#outletSlugs.has(mapped) ? mapped : null
  }

  #speakerBySlug(slug: string): string | null {
    const mapped = this.#speakerSlugAliases.get(slug) ?? slug
    return this.#speakerSlugs.has(mapped) ? mapped : null
  }

  #createOutlet(record: OutletRecord): Resolution<OutletRecord> {
    const slug = this.#freeSlug(record.slug, this.#outletSlugs)
    const domainTaken = record.domain !== null && this.#outletByDomain.has(record.domain)
    const created = { ...record, slug, domain: domainTaken ? null : record.domain }
    this.#pendingOutlets.set(slug, created)
    this.#rememberOutlet(created)
    return { ok: true, slug, created }
  }

  /** The outlet a name, slug, domain or object means; a new one when none matches. */
  resolveOutlet(ref: OutletRef): Resolution<OutletRecord> {
    const given = typeof ref === 'string' ? { slug: undefined, name: ref, domain: null } : ref
    if (given.slug !== undefined) {
      const slug = this.#outletBySlug(given.slug)
      if (slug) return this.#foundOutlet(slug)
    }
    if (typeof ref === 'string') {
      const slug = this.#outletBySlug(ref)
      if (slug) return this.#foundOutlet(slug)
    }
    const domain = given.domain ?? (given.name ? domainOf(given.name) : null)
    if (domain) {
      const slug = this.#outletByDomain.get(domain)
      if (slug) return this.#matchedOutlet(given.slug, slug)
    }
    const names = [given.name, ...(typeof ref === 'string' ? [] : ref.aliases)].filter(
      (n): n is string => n !== undefined && domainOf(n) === null,
    )
    for (const name of names) {
      const slugs = this.#outletNames.find(nameKey(name))
      if (slugs.length > 1) return { ok: false, message: ambiguous('outlet', name, slugs) }
      if (slugs.length === 1) return this.#matchedOutlet(given.slug, slugs[0]!)
    }
    const known =
      (domain ? knownByDomain.get(domain) : undefined) ??
      names.map((n) => knownByKey.get(nameKey(n))).find(Boolean)
    if (known) return this.#createOutlet({ ...known, aliases: [...known.aliases] })
    if (given.name === undefined && domain === null) {
      return { ok: false, message: `no outlet has the slug "${given.slug}"` }
    }
    // A name that is itself a domain or a url stands for the outlet of that domain.
    const name = given.name !== undefined && domainOf(given.name) === null ? given.name : domain!
    const record: OutletRecord =
      typeof ref === 'string'
        ? { slug: slugify(name), name, kind: null, country: null, domain, aliases: [] }
        : {
            slug: ref.slug ?? slugify(name),
            name,
            kind: ref.kind,
            country: ref.country,
            domain,
            aliases: ref.aliases.filter((a) => a !== name),
          }
    return this.#createOutlet(record)
  }

  #matchedOutlet(fileSlug: string | undefined, slug: string): Resolution<OutletRecord> {
    if (fileSlug !== undefined && fileSlug !== slug) this.#outletSlugAliases.set(fileSlug, slug)
    return this.#foundOutlet(slug)
  }

  /** A match: with its record while that record is new and not yet written. */
  #foundOutlet(slug: string): Resolution<OutletRecord> {
    return { ok: true, slug, created: this.#pendingOutlets.get(slug) ?? null }
  }

  /** The speaker a name, slug or object means; a new one when none matches. */
  resolveSpeaker(ref: SpeakerRef): Resolution<SpeakerRecord> {
    if (typeof ref === 'string') {
      const slug = this.#speakerBySlug(ref)
      if (slug) return this.#foundSpeaker(slug)
      return (
        this.#speakerByNames([ref], null, undefined) ??
        this.#createSpeaker({
          slug: slugify(ref),
          name: ref,
          description: null,
          wikidataId: null,
          anonymous: false,
          aliases: [],
        })
      )
    }
    if (ref.wikidataId) {
      const slug = this.#speakerByWikidata.get(ref.wikidataId)
      if (slug) return this.#matchedSpeaker(ref.slug, slug)
    }
    if (ref.slug !== undefined) {
      const slug = this.#speakerBySlug(ref.slug)
      if (slug) return this.#foundSpeaker(slug)
    }
    const byName = ref.anonymous
      ? null
      : this.#speakerByNames([ref.name, ...ref.aliases], ref.wikidataId, ref.slug)
    return (
      byName ??
      this.#createSpeaker({
        slug: ref.slug ?? slugify(ref.name),
        name: ref.name,
        description: ref.description,
        wikidataId: ref.wikidataId,
        anonymous: ref.anonymous,
        aliases: ref.aliases.filter((a) => a !== ref.name),
      })
    )
  }

  /**
   * A stored speaker known by one of `names`. A speaker with another Wikidata id is another person
   * of the same name, never a match.
   */
  #speakerByNames(
    names: string[],
    wikidataId: string | null,
    fileSlug: string | undefined,
  ): Resolution<SpeakerRecord> | null {
    const wikidataOf = (slug: string) => this.#wikidataBySpeaker.get(slug) ?? null
    for (const name of names) {
      const slugs = this.#speakerNames
        .find(nameKey(name))
        .filter((slug) => wikidataId === null || [null, wikidataId].includes(wikidataOf(slug)))
      if (slugs.length > 1) return { ok: false, message: ambiguous('speaker', name, slugs) }
      if (slugs.length === 1) return this.#matchedSpeaker(fileSlug, slugs[0]!)
    }
    return null
  }

  #matchedSpeaker(fileSlug: string | undefined, slug: string): Resolution<SpeakerRecord> {
    if (fileSlug !== undefined && fileSlug !== slug) this.#speakerSlugAliases.set(fileSlug, slug)
    return this.#foundSpeaker(slug)
  }

  #foundSpeaker(slug: string): Resolution<SpeakerRecord> {
    return { ok: true, slug, created: this.#pendingSpeakers.get(slug) ?? null }
  }

  #createSpeaker(record: SpeakerRecord): Resolution<SpeakerRecord> {
    const slug = this.#freeSlug(record.slug, this.#speakerSlugs)
    const created = { ...record, slug }
    this.#pendingSpeakers.set(slug, created)
    this.#rememberSpeaker(created)
    return { ok: true, slug, created }
  }

  /** After a batch is written: keep the new records it wrote, forget the others. */
  settle(written: { outlets: ReadonlySet<string>; speakers: ReadonlySet<string> }): void {
    for (const [slug, outlet] of this.#pendingOutlets) {
      if (!written.outlets.has(slug)) this.#forgetOutlet(outlet)
    }
    for (const [slug, speaker] of this.#pendingSpeakers) {
      if (!written.speakers.has(slug)) this.#forgetSpeaker(speaker)
    }
    this.#pendingOutlets.clear()
    this.#pendingSpeakers.clear()
  }
}
