// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1286/1415","named":"1591/1778","cue-only":"150/729","surname":"1710/1818","outlet":"29/38","anonymous":"306/454","nearest-person":"35/39","runs-on":"1482/1584","headline":"34/37","sentence-before":"7/10","title":"23/27","transcript":"14/29","sentence-after":"29/30","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"838/1660","named":"1845/3214","anonymous":"807/1705","outlet":"118/164","cue-only":"162/650","surname":"1050/1792","title":"21/33","nearest-person":"19/41"}
import type { AttributionMethod } from '../domain/vocabulary'

type Rates = Partial<Record<AttributionMethod, number>>

export const METHOD_CONFIDENCE: { quote: Rates; paraphrase: Rates } = {
  quote: {
    named: 0.89,
    surname: 0.94,
    title: 0.83,
    'nearest-person': 0.88,
    pronoun: 0.91,
    anonymous: 0.67,
    outlet: 0.75,
    'sentence-after': 0.94,
    'runs-on': 0.94,
    transcript: 0.48,
    headline: 0.9,
    'cue-only': 0.21,
  },
  paraphrase: {
    named: 0.57,
    surname: 0.59,
    title: 0.63,
    'nearest-person': 0.47,
    pronoun: 0.5,
    anonymous: 0.47,
    outlet: 0.72,
    headline: 0.42,
    'cue-only': 0.25,
  },
}
