/**
 * Entity resolution: turning the names an import uses for outlets and speakers into the records
 * they mean. Two kinds of reference, two rules:
 *
 * - **Keys name exactly one record.** A record given with a slug (or a Wikidata id, or a web
 *   domain) is the record with that key: the stored one, or a new one made with that key. It is
 *   never matched to another record by its name or aliases — two ministers Haddad who share the
 *   alias "Minister Haddad" stay two people.
 * - **Names are looked up.** A bare name (or a record without a key) is reused when exactly one
 *   record goes by it, so "The New York Times", "New York Times", "NYT" and nytimes.com are one
 *   outlet; a name that several records go by is refused with their slugs; a name nobody has yet
 *   becomes a new record (for outlets, completed from the built-in list of major outlets when it
 *   is one of them). A record's own aliases are added to it, never used to match it.
 *
 * New records stay pending until the batch that introduced them is written: `settle` keeps those
 * written and forgets the rest, so a rejected line leaves nothing behind.
 */
import type { OutletRecord, SpeakerIdentity, SpeakerRecord } from '../domain/bundle'
import { domainOf, nameKey, slugify } from '../domain/identity'
import { KNOWN_OUTLETS } from '../domain/known-outlets'
import type { DirectoryOutlet, DirectorySpeaker, Restatement } from '../domain/store'
import type { OutletRef, SpeakerRef } from './item-schema'

/**
 * What a name resolved to: a slug, with the record to write when it is new and not yet written
 * (every item that names a new record carries it, so it is written with the first valid one).
 */
export type Resolution<T> =
  | {
      ok: true
      slug: string
      created: T | null
      /** A stored speaker known by name alone, and the Wikidata id the record gave for them. */
      identified?: SpeakerIdentity
    }
  | { ok: false; message: string }

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

const keysDisagree = (what: string, slug: string, key: string, owner: string) =>
  `the ${what} slug "${slug}" and ${key} name two different ${what}s (${[slug, owner].sort().join(', ')})`

type OutletObject = Exclude<OutletRef, string>

/** An outlet or speaker by its names and keys: stored (with an id) or about to be. */
type NamedOutlet = Omit<DirectoryOutlet, 'id'>
type NamedSpeaker = Omit<DirectorySpeaker, 'id'>

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
  /** Outlets by the domain they own (a key: one outlet each). */
  readonly #outletByDomain = new Map<string, string>()
  /** Outlets by a domain among their aliases (the domain of an outlet merged into them). */
  readonly #outletByAliasDomain = new Map<string, string>()
  readonly #speakerSlugs = new Set<string>()
  /** Named (not anonymous) speakers by name and alias. */
  readonly #speakerNames = new NameTable()
  readonly #speakerByWikidata = new Map<string, string>()
  readonly #wikidataBySpeaker = new Map<string, string>()
  readonly #pendingOutlets = new Map<string, OutletRecord>()
  readonly #pendingSpeakers = new Map<string, SpeakerRecord>()
  /** Wikidata ids given to stored speakers in the batch being built, by slug. */
  readonly #pendingIdentities = new Map<string, string>()

  constructor(directory: { outlets: NamedOutlet[]; speakers: NamedSpeaker[] }) {
    for (const outlet of directory.outlets) this.#rememberOutlet(outlet)
    for (const speaker of directory.speakers) this.#rememberSpeaker(speaker)
  }

  /** Takes in a stored record that changed since the directory was read (see `EntityDirectory`). */
  restate(change: Restatement): void {
    if (change.kind === 'outlet') {
      if (change.before) this.#forgetOutlet(change.before)
      if (change.after) this.#rememberOutlet(change.after)
    } else {
      if (change.before) this.#forgetSpeaker(change.before)
      if (change.after) this.#rememberSpeaker(change.after)
    }
  }

  #outletKeys(outlet: NamedOutlet): string[] {
    return [outlet.name, ...outlet.aliases].map(nameKey)
  }

  #rememberOutlet(outlet: NamedOutlet): void {
    this.#outletSlugs.add(outlet.slug)
    for (const key of this.#outletKeys(outlet)) this.#outletNames.add(key, outlet.slug)
    if (outlet.domain) this.#outletByDomain.set(outlet.domain, outlet.slug)
    for (const domain of outlet.aliases.map(domainOf)) {
      if (domain && !this.#outletByAliasDomain.has(domain))
        this.#outletByAliasDomain.set(domain, outlet.slug)
    }
  }

  #forgetOutlet(outlet: NamedOutlet): void {
    this.#outletSlugs.delete(outlet.slug)
    for (const key of this.#outletKeys(outlet)) this.#outletNames.remove(key, outlet.slug)
    for (const byDomain of [this.#outletByDomain, this.#outletByAliasDomain]) {
      for (const [domain, slug] of byDomain) if (slug === outlet.slug) byDomain.delete(domain)
    }
  }

  #speakerKeys(speaker: NamedSpeaker): string[] {
    return [speaker.name, ...speaker.aliases].map(nameKey)
  }

  #rememberSpeaker(speaker: NamedSpeaker): void {
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

  #forgetSpeaker(speaker: NamedSpeaker): void {
    this.#speakerSlugs.delete(speaker.slug)
    for (const key of this.#speakerKeys(speaker)) this.#speakerNames.remove(key, speaker.slug)
    if (speaker.wikidataId && this.#speakerByWikidata.get(speaker.wikidataId) === speaker.slug) {
      this.#speakerByWikidata.delete(speaker.wikidataId)
    }
    this.#wikidataBySpeaker.delete(speaker.slug)
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

  /**
   * A new outlet. A domain another outlet owns is left out when it came from the built-in list
   * (`suggested`); one the record gives is refused before this is called.
   */
  #createOutlet(record: OutletRecord, suggested = false): Resolution<OutletRecord> {
    const slug = this.#freeSlug(record.slug, this.#outletSlugs)
    const domainTaken = record.domain !== null && this.#outletByDomain.has(record.domain)
    const created = { ...record, slug, domain: suggested && domainTaken ? null : record.domain }
    this.#pendingOutlets.set(slug, created)
    this.#rememberOutlet(created)
    return { ok: true, slug, created }
  }

  /** The outlet a slug, domain, name or object means; a new one when none matches. */
  resolveOutlet(ref: OutletRef): Resolution<OutletRecord> {
    if (typeof ref === 'string') {
      if (this.#outletSlugs.has(ref)) return this.#foundOutlet(ref)
      const domain = domainOf(ref)
      // A name that is a domain or a url stands for the outlet of that domain.
      if (domain) return this.#outletByDomainOrNew(domain, null)
      return this.#outletByName(ref, [], null)
    }
    if (ref.slug !== undefined) {
      // A slug is a key: that outlet, or a new one with that slug; never another by its name.
      const domainOwner = ref.domain ? this.#outletByDomain.get(ref.domain) : undefined
      if (domainOwner !== undefined && domainOwner !== ref.slug) {
        return { ok: false, message: keysDisagree('outlet', ref.slug, ref.domain!, domainOwner) }
      }
      if (this.#outletSlugs.has(ref.slug)) return this.#foundOutlet(ref.slug)
      const name = ref.name ?? ref.domain
      if (name === null) return { ok: false, message: `no outlet has the slug "${ref.slug}"` }
      return this.#createOutlet(this.#outletRecord(ref, ref.slug, name))
    }
    const domain = ref.domain ?? (ref.name ? domainOf(ref.name) : null)
    if (domain) return this.#outletByDomainOrNew(domain, ref)
    if (ref.name === undefined)
      return { ok: false, message: 'an outlet needs a slug, name or domain' }
    return this.#outletByName(ref.name, ref.aliases, ref)
  }

  /**
   * The outlet owning this domain (else one that has it among its aliases), or a new one for it
   * (named by the object, the built-in list, or the domain itself).
   */
  #outletByDomainOrNew(domain: string, ref: OutletObject | null): Resolution<OutletRecord> {
    const slug = this.#outletByDomain.get(domain) ?? this.#outletByAliasDomain.get(domain)
    if (slug) return this.#foundOutlet(slug)
    const known = knownByDomain.get(domain)
    if (known) return this.#createOutlet({ ...known, aliases: [...known.aliases] }, true)
    const name = ref?.name !== undefined && domainOf(ref.name) === null ? ref.name : domain
    return this.#createOutlet(this.#outletRecord(ref, slugify(name), name, domain))
  }

  /** The one outlet going by `name`; refused when several do; otherwise a new one. */
  #outletByName(
    name: string,
    aliases: string[],
    ref: OutletObject | null,
  ): Resolution<OutletRecord> {
    const slugs = this.#outletNames.find(nameKey(name))
    if (slugs.length > 1) return { ok: false, message: ambiguous('outlet', name, slugs) }
    if (slugs.length === 1) return this.#foundOutlet(slugs[0]!)
    const known = [name, ...aliases].map((n) => knownByKey.get(nameKey(n))).find(Boolean)
    if (known) return this.#createOutlet({ ...known, aliases: [...known.aliases] }, true)
    return this.#createOutlet(this.#outletRecord(ref, slugify(name), name))
  }

  #outletRecord(
    ref: OutletObject | null,
    slug: string,
    name: string,
    domain: string | null = ref?.domain ?? null,
  ): OutletRecord {
    return {
      slug,
      name,
      kind: ref?.kind ?? null,
      country: ref?.country ?? null,
      domain,
      aliases: (ref?.aliases ?? []).filter((a) => a !== name),
    }
  }

  /** A match: with its record while that record is new and not yet written. */
  #foundOutlet(slug: string): Resolution<OutletRecord> {
    return { ok: true, slug, created: this.#pendingOutlets.get(slug) ?? null }
  }

  /** The speaker a slug, name or object means; a new one when none matches. */
  resolveSpeaker(ref: SpeakerRef): Resolution<SpeakerRecord> {
    if (typeof ref === 'string') {
      if (this.#speakerSlugs.has(ref)) return this.#foundSpeaker(ref)
      return (
        this.#speakerByName(ref, null) ??
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
    if (!('name' in ref)) {
      // A slug alone (a CSV's speaker_slug column): the speaker that has it, and no other.
      if (this.#speakerSlugs.has(ref.slug)) return this.#foundSpeaker(ref.slug)
      return { ok: false, message: `no speaker has the slug "${ref.slug}"` }
    }
    const record: SpeakerRecord = {
      slug: ref.slug ?? slugify(ref.name),
      name: ref.name,
      description: ref.description,
      wikidataId: ref.wikidataId,
      anonymous: ref.anonymous,
      aliases: ref.aliases.filter((a) => a !== ref.name),
    }
    // A Wikidata id and a slug are keys: the speaker they name, or a new one with them.
    const byWikidata = ref.wikidataId ? this.#speakerByWikidata.get(ref.wikidataId) : undefined
    if (ref.slug !== undefined) {
      if (byWikidata !== undefined && byWikidata !== ref.slug) {
        return {
          ok: false,
          message: keysDisagree('speaker', ref.slug, ref.wikidataId!, byWikidata),
        }
      }
      if (!this.#speakerSlugs.has(ref.slug)) return this.#createSpeaker(record, true)
      const stored = this.#wikidataBySpeaker.get(ref.slug)
      if (ref.wikidataId && stored && stored !== ref.wikidataId) {
        return {
          ok: false,
          message: `the speaker "${ref.slug}" has the Wikidata id ${stored}, not ${ref.wikidataId}`,
        }
      }
      return this.#foundSpeaker(ref.slug)
    }
    if (byWikidata !== undefined) return this.#foundSpeaker(byWikidata)
    // "A U.S. official" in one article is not the one in another: anonymous sources are never
    // looked up by name.
    const byName = ref.anonymous ? null : this.#speakerByName(ref.name, ref.wikidataId)
    if (byName?.ok && ref.wikidataId) return this.#identify(byName.slug, ref.wikidataId)
    return byName ?? this.#createSpeaker(record)
  }

  /**
   * The one speaker going by `name` (as a name or an alias), refused when several do; null when
   * none does. A speaker with another Wikidata id is another person of the same name.
   */
  #speakerByName(name: string, wikidataId: string | null): Resolution<SpeakerRecord> | null {
    // With an id given, only a speaker who has none yet can be the one (who has it was looked for).
    const slugs = this.#speakerNames
      .find(nameKey(name))
      .filter((slug) => wikidataId === null || !this.#wikidataBySpeaker.has(slug))
    if (slugs.length > 1) return { ok: false, message: ambiguous('speaker', name, slugs) }
    return slugs.length === 1 ? this.#foundSpeaker(slugs[0]!) : null
  }

  /**
   * The speaker known by name alone whom a record names with a Wikidata id: the id becomes theirs,
   * so that a record with another id is never this person.
   */
  #identify(slug: string, wikidataId: string): Resolution<SpeakerRecord> {
    this.#speakerByWikidata.set(wikidataId, slug)
    this.#wikidataBySpeaker.set(slug, wikidataId)
    const pending = this.#pendingSpeakers.get(slug)
    if (pending) {
      // Not written yet: it is written with the id.
      pending.wikidataId = wikidataId
      return this.#foundSpeaker(slug)
    }
    this.#pendingIdentities.set(slug, wikidataId)
    return { ok: true, slug, created: null, identified: { slug, wikidataId } }
  }

  #foundSpeaker(slug: string): Resolution<SpeakerRecord> {
    return { ok: true, slug, created: this.#pendingSpeakers.get(slug) ?? null }
  }

  /** A new speaker; with `exactSlug`, under the slug given (free: it was just looked up). */
  #createSpeaker(record: SpeakerRecord, exactSlug = false): Resolution<SpeakerRecord> {
    const slug = exactSlug ? record.slug : this.#freeSlug(record.slug, this.#speakerSlugs)
    const created = { ...record, slug }
    this.#pendingSpeakers.set(slug, created)
    this.#rememberSpeaker(created)
    return { ok: true, slug, created }
  }

  /** The speaker with this Wikidata id, if any. */
  speakerWithWikidata(wikidataId: string): string | null {
    return this.#speakerByWikidata.get(wikidataId) ?? null
  }

  /** The slugs of the named (not anonymous) speakers, or the outlets, that go by `name`. */
  named(kind: 'speaker' | 'outlet', name: string): string[] {
    return (kind === 'speaker' ? this.#speakerNames : this.#outletNames).find(nameKey(name))
  }

  /** After a batch is written: keep the new records and identities it wrote, forget the others. */
  settle(written: {
    outlets: ReadonlySet<string>
    speakers: ReadonlySet<string>
    identified: ReadonlySet<string>
  }): void {
    for (const [slug, outlet] of this.#pendingOutlets) {
      if (!written.outlets.has(slug)) this.#forgetOutlet(outlet)
    }
    for (const [slug, speaker] of this.#pendingSpeakers) {
      if (!written.speakers.has(slug)) this.#forgetSpeaker(speaker)
    }
    for (const [slug, wikidataId] of this.#pendingIdentities) {
      if (written.identified.has(slug)) continue
      this.#speakerByWikidata.delete(wikidataId)
      this.#wikidataBySpeaker.delete(slug)
    }
    this.#pendingOutlets.clear()
    this.#pendingSpeakers.clear()
    this.#pendingIdentities.clear()
  }
}
