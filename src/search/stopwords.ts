/**
 * Common English words that carry no claim on their own. Claim matching (any word, ranked by
 * rarity) leaves them out; the quote search leaves them out when other words are left (see
 * `search/read-query.ts`), the negations apart.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how i if in into is it its itself just me more
  most my myself no nor not now of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with
  would you your yours yourself yourselves said says say told according`
    .split(/\s+/)
    .filter(Boolean),
)

/** Common words that turn a statement around ("not guilty"): the quote search keeps them. */
export const NEGATIONS: ReadonlySet<string> = new Set(['no', 'nor', 'not', 'against'])
