// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1349/1432","named":"1623/1855","cue-only":"73/493","surname":"1813/1946","outlet":"30/41","anonymous":"315/464","nearest-person":"37/41","runs-on":"1483/1585","headline":"34/37","sentence-before":"8/11","transcript":"14/29","sentence-after":"29/30","title":"23/26","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"938/1818","named":"1984/3517","anonymous":"828/1755","outlet":"122/172","cue-only":"112/623","surname":"1161/1955","title":"21/35","nearest-person":"23/46"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.87,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.88,
    pronoun: 0.94,
    anonymous: 0.68,
    outlet: 0.72,
    'sentence-after': 0.94,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.15,
  },
  paraphrase: {
    named: 0.56,
    surname: 0.59,
    title: 0.59,
    'nearest-person': 0.5,
    pronoun: 0.52,
    anonymous: 0.47,
    outlet: 0.71,
    headline: 0.42,
    'cue-only': 0.18,
  },
}
