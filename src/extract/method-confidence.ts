// Written by `npm run train:extract` from PolNeAR's training articles; not edited by hand.
// Right/seen per method — quotations: {"pronoun":"1282/1410","named":"1569/1760","cue-only":"158/725","surname":"1738/1841","outlet":"29/38","anonymous":"309/458","nearest-person":"35/39","runs-on":"1482/1584","headline":"34/37","sentence-before":"7/10","title":"23/27","transcript":"14/29","sentence-after":"29/30","signature":"0/1"}
// paraphrases: {"headline":"46/110","pronoun":"839/1661","named":"1872/3273","anonymous":"817/1731","outlet":"118/164","cue-only":"167/701","surname":"1080/1828","title":"21/33","nearest-person":"19/40"}
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
    'cue-only': 0.22,
  },
  paraphrase: {
    named: 0.57,
    surname: 0.59,
    title: 0.63,
    'nearest-person': 0.48,
    pronoun: 0.51,
    anonymous: 0.47,
    outlet: 0.72,
    headline: 0.42,
    'cue-only': 0.24,
  },
}
