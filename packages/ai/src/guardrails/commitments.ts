import type { OutputDetector } from './detector';

/**
 * A model must not bind the business: "I confirm your 100% refund", "you will get a full
 * refund", "vi garanterar rabatt". Only people at the tenant can promise money back; the
 * engine replaces such an answer with an offer of a person. Knowledge-base text quoted by the
 * extractive answerer is the tenant's own wording and is not checked.
 */
const PROMISES: RegExp[] = [
  /\b(i|we)(\s+have|'ve|\s+hereby|\s+will|'ll|\s+can|\s+am\s+happy\s+to|\s+are\s+happy\s+to)?\s+(confirm(ed)?|guarantee(d)?|promise(d)?|approve(d)?|authori[sz]e(d)?|issue(d)?|process(ed)?|grant(ed)?|refund(ed)?|waive(d)?)\b[^.!?\n]{0,50}\b(refunds?|discounts?|compensation|credit|reimburse\w*|free|waive\w*|vouchers?|money\s+back)\b/i,
  /\byou\s+(will|'ll)\s+(get|receive|be\s+given|be\s+refunded|be\s+reimbursed)\b[^.!?\n]{0,40}\b(refunds?|discounts?|compensation|credit|money\s+back|reimburse\w*)\b/i,
  /\b(100\s*%|full|complete)\s+refund\s+(is|has\s+been|was)\s+(confirmed|approved|guaranteed|processed|granted|issued)\b/i,
  /\b(jag|vi)\s+(har\s+)?(bekräftar|bekräftat|garanterar|lovar|lovat|godkänner|godkänt)\b[^.!?\n]{0,50}(återbetalning|rabatt|ersättning|kompensation|gratis)/iu,
  /\b(jeg|vi)\s+(har\s+)?(bekrefter|bekreftet|bekræfter|garanterer|lover|lovet|godkjenner|godkender)\b[^.!?\n]{0,50}(refusjon|tilbakebetaling|refusion|rabatt|rabat|kompensasjon|erstatning|gratis)/iu,
  /\b(ich|wir)\s+(haben\s+)?(bestätige|bestätigen|garantiere|garantieren|verspreche|versprechen|genehmige|genehmigen)\b[^.!?\n]{0,50}(erstattung|rückerstattung|rabatt|entschädigung|gutschrift|kostenlos)/iu,
];

/** A promise spans less than this; each scan re-reads only this much of what came before. */
const LOOKBACK = 160;

export function promiseDetector(): OutputDetector {
  let seen = 0;
  return {
    kind: 'promise',
    scan(text) {
      // Start the window at a word boundary, so a cut word cannot look like "I" or "we".
      const start = seen > LOOKBACK ? text.lastIndexOf(' ', seen - LOOKBACK) + 1 : 0;
      seen = text.length;
      const window = text.slice(start);
      const starts = PROMISES.map((p) => window.search(p)).filter((i) => i >= 0);
      return starts.length ? start + Math.min(...starts) : null;
    },
  };
}
