/**
 * Postgres text-search configurations we index with. A tenant's language (a name or an ISO
 * code) picks its stemmer and stop words; anything else falls back to `simple`, which still
 * matches exact words in any language.
 */
const CONFIG_BY_LANGUAGE: Record<string, string> = {
  english: 'english',
  en: 'english',
  swedish: 'swedish',
  sv: 'swedish',
  norwegian: 'norwegian',
  no: 'norwegian',
  nb: 'norwegian',
  nn: 'norwegian',
  danish: 'danish',
  da: 'danish',
  german: 'german',
  de: 'german',
  dutch: 'dutch',
  nl: 'dutch',
  finnish: 'finnish',
  fi: 'finnish',
  french: 'french',
  fr: 'french',
  italian: 'italian',
  it: 'italian',
  spanish: 'spanish',
  es: 'spanish',
  portuguese: 'portuguese',
  pt: 'portuguese',
  russian: 'russian',
  ru: 'russian',
  turkish: 'turkish',
  tr: 'turkish',
  hungarian: 'hungarian',
  hu: 'hungarian',
  romanian: 'romanian',
  ro: 'romanian',
};

export function searchConfigFor(language: string | null | undefined): string {
  return CONFIG_BY_LANGUAGE[(language ?? '').trim().toLowerCase()] ?? 'simple';
}
