// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1352/1432","sentence-before":"10/12","named":"1622/1832","cue-only":"86/506","surname":"1839/1976","outlet":"30/37","anonymous":"317/438","nearest-person":"35/39","runs-on":"1484/1583","headline":"34/37","transcript":"14/29","title":"24/27","sentence-after":"31/31","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"942/1810","named":"2028/3466","anonymous":"784/1449","outlet":"117/157","surname":"1193/2028","title":"22/36","cue-only":"107/437","nearest-person":"22/44"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.88,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.88,
    pronoun: 0.94,
    anonymous: 0.72,
    outlet: 0.79,
    'sentence-after': 0.97,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.17,
  },
  paraphrase: {
    named: 0.59,
    surname: 0.59,
    title: 0.61,
    'nearest-person': 0.5,
    pronoun: 0.52,
    anonymous: 0.54,
    outlet: 0.74,
    headline: 0.42,
    'cue-only': 0.25,
  },
}
