/** Tenant languages are stored as text-search configuration names; answers work with ISO 639-1. */
const ISO_BY_NAME: Record<string, string> = {
  english: 'en',
  swedish: 'sv',
  norwegian: 'no',
  danish: 'da',
  german: 'de',
  dutch: 'nl',
  finnish: 'fi',
  french: 'fr',
  italian: 'it',
  spanish: 'es',
  portuguese: 'pt',
  russian: 'ru',
  turkish: 'tr',
  hungarian: 'hu',
  romanian: 'ro',
};

/** 'swedish' or 'sv' -> 'sv'; Norwegian written forms (nb, nn) -> 'no'; unknown -> 'en'. */
export function isoLanguage(language: string | null | undefined): string {
  const value = (language ?? '').trim().toLowerCase();
  if (value === 'nb' || value === 'nn') return 'no';
  if (ISO_BY_NAME[value]) return ISO_BY_NAME[value];
  return /^[a-z]{2}$/.test(value) ? value : 'en';
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The language's English name, for the model's instructions. */
export function languageName(iso: string): string {
  if (iso === 'no') return 'Norwegian (Bokmål)';
  try {
    return displayNames.of(iso) ?? 'English';
  } catch {
    return 'English';
  }
}

/** A language's name in another language, e.g. English in Swedish: "engelska". */
export function languageNameIn(iso: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(iso) ?? iso;
  } catch {
    return languageName(iso);
  }
}
