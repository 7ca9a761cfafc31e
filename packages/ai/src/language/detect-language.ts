import { eld } from 'eld/large';
import { wordPattern } from '../text/word-pattern';
import { isoLanguage } from './languages';

/** Fewer letters than this say too little about a language ("ok", "hej", an order number). */
const MIN_LETTERS = 6;
/** Danish and Norwegian Bokmål are written almost alike; closer than this, marker words decide. */
const DANISH_NORWEGIAN_MARGIN = 0.05;

// Words spelled differently in the two languages; short chat questions often contain one.
const NORWEGIAN_MARKERS = wordPattern(
  'hva meg deg noe takk hei gjerne ikkje kva eg fikk bare mye nå hjelpe snakke'.split(' '),
);
const DANISH_MARKERS = wordPattern(
  'hvad mig dig noget tak hej gerne fik kun meget nu hjælpe tale af'.split(' '),
);

const detector = eld.newInstance();

/**
 * The language of one customer message (ISO 639-1), or the tenant's language when the message
 * is too short or the detector is unsure. eld is used because it was the most accurate of the
 * maintained detectors on short chat questions in English, Swedish, Norwegian and German.
 */
export function detectLanguage(text: string, tenantLanguage: string): string {
  const fallback = isoLanguage(tenantLanguage);
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return fallback;
  const result = detector.detect(text);
  if (!result.language || !result.isReliable()) return fallback;
  const detected = isoLanguage(result.language);
  if (detected !== 'da' && detected !== 'no') return detected;
  return pickDanishOrNorwegian(text, result.getScores(), fallback);
}

function pickDanishOrNorwegian(text: string, scores: Record<string, number>, fallback: string) {
  const da = scores.da ?? 0;
  const no = scores.no ?? scores.nb ?? 0;
  if (Math.abs(da - no) > DANISH_NORWEGIAN_MARGIN) return da > no ? 'da' : 'no';
  const norwegian = NORWEGIAN_MARKERS.test(text);
  const danish = DANISH_MARKERS.test(text);
  if (norwegian !== danish) return norwegian ? 'no' : 'da';
  // No telling them apart: the tenant's own Scandinavian language, else Norwegian (we support it fully).
  return fallback === 'da' || fallback === 'no' ? fallback : 'no';
}
