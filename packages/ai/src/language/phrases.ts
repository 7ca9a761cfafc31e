/** Everything the engine says on its own, in each language it speaks; others get English. */
export interface Phrases {
  dontKnow: string;
  humanHandoff: string;
  refusedTopic: (topic: string) => string;
  offTopic: string;
  cannotShare: string;
  cannotPromise: string;
  dailyLimit: string;
  /** `visitor` is the identified visitor's first name, when the host site told us. */
  greeting: (assistantName: string, visitor?: string) => string;
  thanks: string;
  /** Introduces passages quoted in another language than the customer's (its name in theirs). */
  quotedIn: (languageName: string) => string;
}

const en: Phrases = {
  dontKnow:
    "I'm sorry, I don't know the answer to that, and I'd rather not guess. Would you like me to connect you with a person from our team?",
  humanHandoff:
    'Of course. Leave your email and a short message, and a person from our team will get back to you.',
  refusedTopic: (topic) =>
    `I'm sorry, I can't help with ${topic}. Is there anything else about our services I can help you with?`,
  offTopic:
    'I can only help with questions about our products and services. What would you like to know?',
  cannotShare: "I'm sorry, I can't share that. Can I help you with something else?",
  cannotPromise:
    "I can't confirm refunds, discounts or exceptions here. A person from our team can look at your case. Would you like me to connect you?",
  dailyLimit:
    "You've reached today's limit for the assistant. Leave your email and a person from our team will get back to you.",
  greeting: (name, visitor) =>
    `Hi${visitor ? ` ${visitor}` : ''}! I'm ${name}. What can I help you with?`,
  thanks: "You're welcome! Is there anything else I can help you with?",
  quotedIn: (language) => `Here is what our documentation says (in ${language}):`,
};

const sv: Phrases = {
  dontKnow:
    'Tyvärr vet jag inte svaret på det, och jag vill inte gissa. Vill du att jag kopplar dig till en person i vårt team?',
  humanHandoff:
    'Självklart. Lämna din e-postadress och ett kort meddelande, så hör en person från vårt team av sig till dig.',
  refusedTopic: (topic) =>
    `Tyvärr kan jag inte hjälpa till med ${topic}. Finns det något annat om våra tjänster jag kan hjälpa dig med?`,
  offTopic: 'Jag kan bara svara på frågor om våra produkter och tjänster. Vad vill du veta?',
  cannotShare: 'Tyvärr kan jag inte dela det. Kan jag hjälpa dig med något annat?',
  cannotPromise:
    'Jag kan inte bekräfta återbetalningar, rabatter eller undantag här. En person i vårt team kan titta på ditt ärende. Vill du att jag kopplar dig vidare?',
  dailyLimit:
    'Du har nått dagens gräns för assistenten. Lämna din e-postadress så hör en person från vårt team av sig.',
  greeting: (name, visitor) =>
    `Hej${visitor ? ` ${visitor}` : ''}! Jag heter ${name}. Vad kan jag hjälpa dig med?`,
  thanks: 'Varsågod! Finns det något mer jag kan hjälpa dig med?',
  quotedIn: (language) => `Så här står det i vår dokumentation (på ${language}):`,
};

const no: Phrases = {
  dontKnow:
    'Beklager, jeg vet ikke svaret på det, og jeg vil ikke gjette. Vil du at jeg setter deg i kontakt med en person fra teamet vårt?',
  humanHandoff:
    'Selvfølgelig. Legg igjen e-postadressen din og en kort melding, så tar en person fra teamet vårt kontakt med deg.',
  refusedTopic: (topic) =>
    `Beklager, jeg kan ikke hjelpe med ${topic}. Er det noe annet om tjenestene våre jeg kan hjelpe deg med?`,
  offTopic: 'Jeg kan bare svare på spørsmål om produktene og tjenestene våre. Hva lurer du på?',
  cannotShare: 'Beklager, det kan jeg ikke dele. Kan jeg hjelpe deg med noe annet?',
  cannotPromise:
    'Jeg kan ikke bekrefte refusjoner, rabatter eller unntak her. En person fra teamet vårt kan se på saken din. Vil du at jeg setter deg i kontakt?',
  dailyLimit:
    'Du har nådd dagens grense for assistenten. Legg igjen e-postadressen din, så tar en person fra teamet vårt kontakt.',
  greeting: (name, visitor) =>
    `Hei${visitor ? ` ${visitor}` : ''}! Jeg heter ${name}. Hva kan jeg hjelpe deg med?`,
  thanks: 'Bare hyggelig! Er det noe mer jeg kan hjelpe deg med?',
  quotedIn: (language) => `Dette står i dokumentasjonen vår (på ${language}):`,
};

const da: Phrases = {
  ...no,
  dontKnow:
    'Beklager, jeg kender ikke svaret på det, og jeg vil ikke gætte. Vil du have, at jeg sætter dig i kontakt med en person fra vores team?',
  humanHandoff:
    'Selvfølgelig. Skriv din e-mailadresse og en kort besked, så kontakter en person fra vores team dig.',
  greeting: (name, visitor) =>
    `Hej${visitor ? ` ${visitor}` : ''}! Jeg hedder ${name}. Hvad kan jeg hjælpe dig med?`,
  thanks: 'Selv tak! Er der andet, jeg kan hjælpe dig med?',
  quotedIn: (language) => `Her er, hvad vores dokumentation siger (på ${language}):`,
};

const de: Phrases = {
  dontKnow:
    'Das weiß ich leider nicht, und ich möchte nicht raten. Soll ich Sie mit einer Person aus unserem Team verbinden?',
  humanHandoff:
    'Gerne. Hinterlassen Sie Ihre E-Mail-Adresse und eine kurze Nachricht, dann meldet sich eine Person aus unserem Team bei Ihnen.',
  refusedTopic: (topic) =>
    `Dabei (${topic}) kann ich leider nicht helfen. Kann ich Ihnen sonst etwas zu unseren Leistungen beantworten?`,
  offTopic:
    'Ich kann nur Fragen zu unseren Produkten und Leistungen beantworten. Was möchten Sie wissen?',
  cannotShare: 'Das kann ich leider nicht weitergeben. Kann ich Ihnen anders helfen?',
  cannotPromise:
    'Erstattungen, Rabatte oder Ausnahmen kann ich hier nicht zusagen. Eine Person aus unserem Team kann sich Ihren Fall ansehen. Soll ich Sie verbinden?',
  dailyLimit:
    'Sie haben das heutige Limit des Assistenten erreicht. Hinterlassen Sie Ihre E-Mail-Adresse, dann meldet sich unser Team.',
  greeting: (name, visitor) =>
    `Hallo${visitor ? ` ${visitor}` : ''}! Ich bin ${name}. Wie kann ich helfen?`,
  thanks: 'Gern geschehen! Kann ich sonst noch helfen?',
  quotedIn: (language) => `Das steht in unserer Dokumentation (auf ${language}):`,
};

const PHRASES: Record<string, Phrases> = { en, sv, no, da, de };

export function phrasesFor(language: string): Phrases {
  return PHRASES[language] ?? en;
}
