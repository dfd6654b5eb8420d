// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1373/1471","sentence-before":"10/12","named":"1447/1637","cue-only":"79/498","surname":"1997/2137","outlet":"30/38","anonymous":"334/461","nearest-person":"34/38","runs-on":"1490/1590","headline":"34/37","transcript":"14/29","title":"24/27","sentence-after":"26/26","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"946/1818","named":"1785/3002","surname":"1276/2114","anonymous":"932/1715","outlet":"116/155","title":"22/37","cue-only":"97/414","nearest-person":"22/42"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.88,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.88,
    pronoun: 0.93,
    anonymous: 0.72,
    outlet: 0.78,
    'sentence-after': 0.96,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.16,
  },
  paraphrase: {
    named: 0.59,
    surname: 0.6,
    title: 0.59,
    'nearest-person': 0.52,
    pronoun: 0.52,
    anonymous: 0.54,
    outlet: 0.75,
    headline: 0.42,
    'cue-only': 0.24,
  },
}
