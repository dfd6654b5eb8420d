// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1355/1436","named":"1621/1830","cue-only":"80/531","surname":"1824/1957","outlet":"30/37","anonymous":"313/436","nearest-person":"39/44","runs-on":"1483/1584","headline":"34/37","sentence-before":"8/11","transcript":"14/29","title":"24/27","sentence-after":"29/29","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"933/1804","named":"1930/3233","anonymous":"779/1431","outlet":"117/157","surname":"1163/1933","title":"22/36","cue-only":"103/446","nearest-person":"23/45"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.89,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.87,
    pronoun: 0.94,
    anonymous: 0.72,
    outlet: 0.79,
    'sentence-after': 0.97,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.15,
  },
  paraphrase: {
    named: 0.6,
    surname: 0.6,
    title: 0.61,
    'nearest-person': 0.51,
    pronoun: 0.52,
    anonymous: 0.54,
    outlet: 0.74,
    headline: 0.42,
    'cue-only': 0.23,
  },
}
