// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1329/1418","named":"1576/1780","cue-only":"81/637","surname":"1768/1894","outlet":"29/38","anonymous":"310/463","nearest-person":"36/40","runs-on":"1482/1584","headline":"34/37","sentence-before":"7/10","title":"24/28","transcript":"14/29","sentence-after":"29/30","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"897/1761","named":"1870/3269","anonymous":"816/1730","outlet":"118/164","cue-only":"109/601","surname":"1082/1832","title":"21/33","nearest-person":"20/41"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.88,
    surname: 0.93,
    title: 0.83,
    'nearest-person': 0.88,
    pronoun: 0.94,
    anonymous: 0.67,
    outlet: 0.75,
    'sentence-after': 0.94,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.13,
  },
  paraphrase: {
    named: 0.57,
    surname: 0.59,
    title: 0.63,
    'nearest-person': 0.49,
    pronoun: 0.51,
    anonymous: 0.47,
    outlet: 0.72,
    headline: 0.42,
    'cue-only': 0.18,
  },
}
