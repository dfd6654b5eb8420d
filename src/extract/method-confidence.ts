// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1355/1436","sentence-before":"10/12","named":"1621/1833","cue-only":"80/528","surname":"1829/1960","outlet":"30/37","anonymous":"317/440","nearest-person":"36/41","runs-on":"1483/1584","headline":"34/37","transcript":"14/29","title":"24/27","sentence-after":"29/29","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"939/1810","named":"1990/3348","anonymous":"782/1447","outlet":"117/157","surname":"1160/1936","title":"22/36","cue-only":"104/447","nearest-person":"23/44"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.88,
    surname: 0.93,
    title: 0.86,
    'nearest-person': 0.86,
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
    named: 0.59,
    surname: 0.6,
    title: 0.61,
    'nearest-person': 0.52,
    pronoun: 0.52,
    anonymous: 0.54,
    outlet: 0.74,
    headline: 0.42,
    'cue-only': 0.23,
  },
}
