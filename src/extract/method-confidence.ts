// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1371/1467","sentence-before":"10/12","named":"1442/1627","cue-only":"81/503","surname":"2002/2151","outlet":"30/38","anonymous":"331/455","nearest-person":"36/40","runs-on":"1486/1589","headline":"34/37","transcript":"14/29","title":"24/27","sentence-after":"26/26","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"948/1832","named":"1756/2944","surname":"1281/2136","anonymous":"930/1712","outlet":"117/156","title":"22/37","cue-only":"100/461","nearest-person":"23/43"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.89,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.88,
    pronoun: 0.93,
    anonymous: 0.73,
    outlet: 0.78,
    'sentence-after': 0.96,
    'runs-on': 0.93,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.16,
  },
  paraphrase: {
    named: 0.6,
    surname: 0.6,
    title: 0.59,
    'nearest-person': 0.53,
    pronoun: 0.52,
    anonymous: 0.54,
    outlet: 0.75,
    headline: 0.42,
    'cue-only': 0.22,
  },
}
