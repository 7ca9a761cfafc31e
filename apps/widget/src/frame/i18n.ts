// UI strings of the chat frame, in every language the product promises (English, Swedish,
// Norwegian bokmål). Answers follow the customer's language server-side; this is the chrome.

export type Locale = 'en' | 'sv' | 'no';

const en = {
  message: 'Message',
  placeholder: 'Type your question…',
  send: 'Send',
  close: 'Close chat',
  conversation: 'Conversation',
  suggestions: 'Suggested questions',
  greeting: 'Hi! How can I help you today?',
  typing: 'Writing an answer…',
  sources: 'Sources:',
  page: 'p.',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  human: 'Talk to a human',
  rate: 'Rate this conversation',
  humanIntro: 'Leave your email and a message, and a person from our team will reply by email.',
  humanSuggested: 'It looks like a person from our team could help you better.',
  email: 'Email',
  name: 'Name (optional)',
  details: 'How can we help?',
  submit: 'Send to our team',
  back: 'Back to chat',
  badEmail: 'Please enter a valid email address.',
  noDetails: 'Please write a message.',
  ticket: (n: number) => `Ticket #${n} created, we will reply by email.`,
  rateTitle: 'How was this conversation?',
  stars: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
  thanks: 'Thank you for your feedback!',
  rateLimited: 'Too many messages, please wait a moment.',
  failed: 'Something went wrong. Please try again.',
  unavailable: 'Chat is not available right now.',
  preview: 'This is a preview of your widget. On your website the assistant answers here.',
  retry: 'Try again',
  agentJoined: 'A person from our team has joined the chat.',
  agentAnswers: 'A person from our team will answer here shortly.',
  escalated: 'Our team has been notified and will reply by email.',
  resolved: 'This conversation has been marked as resolved.',
  waiting: 'Waiting for a person…',
  joined: (name: string) => `${name} joined`,
  botBack: 'You’re chatting with our assistant again.',
  ended: 'This conversation has ended.',
  agentTyping: (name: string) => `${name} is writing…`,
  endChat: 'End chat',
  requested: (n: number) =>
    `Request #${n}: a person from our team will answer here. We have emailed you the number.`,
  mailTitle: 'Email me this conversation',
  mailSent: (to: string) => `Sent to ${to}. It should arrive within a few minutes.`,
};

export type Dict = typeof en;

const sv: Dict = {
  message: 'Meddelande',
  placeholder: 'Skriv din fråga…',
  send: 'Skicka',
  close: 'Stäng chatten',
  conversation: 'Samtal',
  suggestions: 'Förslag på frågor',
  greeting: 'Hej! Hur kan jag hjälpa dig i dag?',
  typing: 'Skriver ett svar…',
  sources: 'Källor:',
  page: 's.',
  helpful: 'Hjälpsamt',
  notHelpful: 'Inte hjälpsamt',
  human: 'Prata med en människa',
  rate: 'Betygsätt samtalet',
  humanIntro: 'Lämna din e-postadress och ett meddelande, så svarar någon i vårt team via e-post.',
  humanSuggested: 'Det verkar som att någon i vårt team kan hjälpa dig bättre.',
  email: 'E-post',
  name: 'Namn (valfritt)',
  details: 'Hur kan vi hjälpa dig?',
  submit: 'Skicka till vårt team',
  back: 'Tillbaka till chatten',
  badEmail: 'Ange en giltig e-postadress.',
  noDetails: 'Skriv ett meddelande.',
  ticket: (n) => `Ärende #${n} skapat, vi svarar via e-post.`,
  rateTitle: 'Hur var samtalet?',
  stars: (n) => (n === 1 ? '1 stjärna' : `${n} stjärnor`),
  thanks: 'Tack för din feedback!',
  rateLimited: 'För många meddelanden, vänta en liten stund.',
  failed: 'Något gick fel. Försök igen.',
  unavailable: 'Chatten är inte tillgänglig just nu.',
  preview: 'Det här är en förhandsvisning av din widget. På din webbplats svarar assistenten här.',
  retry: 'Försök igen',
  agentJoined: 'En person från vårt team har anslutit till chatten.',
  agentAnswers: 'En person från vårt team svarar här inom kort.',
  escalated: 'Vårt team har fått ditt ärende och svarar via e-post.',
  resolved: 'Samtalet har markerats som löst.',
  waiting: 'Väntar på en person…',
  joined: (name) => `${name} anslöt`,
  botBack: 'Du chattar med vår assistent igen.',
  ended: 'Samtalet är avslutat.',
  agentTyping: (name) => `${name} skriver…`,
  endChat: 'Avsluta chatten',
  requested: (n) => `Ärende #${n}: någon i vårt team svarar här. Vi har mejlat dig numret.`,
  mailTitle: 'Mejla mig samtalet',
  mailSent: (to) => `Skickat till ${to}. Det bör komma fram inom några minuter.`,
};

const no: Dict = {
  message: 'Melding',
  placeholder: 'Skriv spørsmålet ditt …',
  send: 'Send',
  close: 'Lukk chatten',
  conversation: 'Samtale',
  suggestions: 'Forslag til spørsmål',
  greeting: 'Hei! Hvordan kan jeg hjelpe deg i dag?',
  typing: 'Skriver et svar …',
  sources: 'Kilder:',
  page: 's.',
  helpful: 'Nyttig',
  notHelpful: 'Ikke nyttig',
  human: 'Snakk med et menneske',
  rate: 'Vurder samtalen',
  humanIntro:
    'Legg igjen e-postadressen din og en melding, så svarer noen i teamet vårt på e-post.',
  humanSuggested: 'Det ser ut til at noen i teamet vårt kan hjelpe deg bedre.',
  email: 'E-post',
  name: 'Navn (valgfritt)',
  details: 'Hvordan kan vi hjelpe deg?',
  submit: 'Send til teamet vårt',
  back: 'Tilbake til chatten',
  badEmail: 'Skriv inn en gyldig e-postadresse.',
  noDetails: 'Skriv en melding.',
  ticket: (n) => `Sak #${n} er opprettet, vi svarer på e-post.`,
  rateTitle: 'Hvordan var samtalen?',
  stars: (n) => (n === 1 ? '1 stjerne' : `${n} stjerner`),
  thanks: 'Takk for tilbakemeldingen!',
  rateLimited: 'For mange meldinger, vent litt.',
  failed: 'Noe gikk galt. Prøv igjen.',
  unavailable: 'Chatten er ikke tilgjengelig akkurat nå.',
  preview:
    'Dette er en forhåndsvisning av widgeten din. På nettstedet ditt svarer assistenten her.',
  retry: 'Prøv igjen',
  agentJoined: 'En person fra teamet vårt har blitt med i chatten.',
  agentAnswers: 'En person fra teamet vårt svarer her snart.',
  escalated: 'Teamet vårt er varslet og svarer på e-post.',
  resolved: 'Samtalen er merket som løst.',
  waiting: 'Venter på en person …',
  joined: (name) => `${name} ble med`,
  botBack: 'Du chatter med assistenten vår igjen.',
  ended: 'Samtalen er avsluttet.',
  agentTyping: (name) => `${name} skriver …`,
  endChat: 'Avslutt chatten',
  requested: (n) =>
    `Sak #${n}: noen i teamet vårt svarer her. Vi har sendt deg nummeret på e-post.`,
  mailTitle: 'Send meg samtalen på e-post',
  mailSent: (to) => `Sendt til ${to}. Den bør komme frem innen noen minutter.`,
};

const DICTS: Record<Locale, Dict> = { en, sv, no };

// Page languages are BCP 47 tags ("sv-SE", "nb"); tenant languages are the names the API
// uses for Postgres text search ("swedish").
const PAGE: [RegExp, Locale][] = [
  [/^en(?:[-_]|$)/i, 'en'],
  [/^sv(?:[-_]|$)/i, 'sv'],
  [/^n[obn](?:[-_]|$)/i, 'no'],
];
const TENANT: [RegExp, Locale][] = [
  [/^english$/i, 'en'],
  [/^swedish$/i, 'sv'],
  [/^norwegian$/i, 'no'],
];

function match(table: [RegExp, Locale][], value: string | null | undefined): Locale | undefined {
  const text = (value || '').trim();
  for (const [pattern, locale] of table) if (pattern.test(text)) return locale;
  return undefined;
}

/** The page's language when we speak it, else the tenant's, else English. */
export function pickLocale(pageLanguage?: string | null, tenantLanguage?: string | null): Locale {
  return match(PAGE, pageLanguage) || match(TENANT, tenantLanguage) || 'en';
}

export function dictionary(locale: Locale): Dict {
  return DICTS[locale];
}
