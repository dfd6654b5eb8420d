// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1295/1426","named":"1625/1827","cue-only":"125/677","surname":"1648/1779","outlet":"29/38","anonymous":"305/483","nearest-person":"41/44","runs-on":"1479/1580","headline":"34/37","sentence-before":"7/10","title":"17/21","transcript":"14/29","sentence-after":"29/30","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"863/1715","named":"1918/3508","anonymous":"816/1895","outlet":"119/167","surname":"1028/1862","title":"17/25","cue-only":"141/285","nearest-person":"28/57"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.89,
    surname: 0.93,
    title: 0.78,
    'nearest-person': 0.91,
    pronoun: 0.91,
    anonymous: 0.63,
    outlet: 0.75,
    'sentence-after': 0.94,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.19,
  },
  paraphrase: {
    named: 0.55,
    surname: 0.55,
    title: 0.67,
    'nearest-person': 0.49,
    pronoun: 0.5,
    anonymous: 0.43,
    outlet: 0.71,
    headline: 0.42,
    'cue-only': 0.49,
  },
}
