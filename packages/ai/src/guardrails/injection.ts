/**
 * Phrasings that try to give the assistant new instructions, in the languages we answer in.
 * A customer message that matches is refused without calling the model; a sentence of a
 * passage that matches is removed before anyone sees it (a planted "[SYSTEM]" line is not
 * knowledge). Encoded payloads (base64, rot13) are decoded and checked the same way.
 */
const PATTERNS: RegExp[] = [
  // "ignore / disregard / forget (all) (previous|prior|above) instructions"
  /\b(ignore|disregard|forget|override|bypass)\b[^.!?\n]{0,30}\b(previous|prior|above|earlier|preceding|system|your|all|any)\s+(of\s+)?(the\s+|your\s+|my\s+)?(instructions?|rules|directions|prompts?|guidelines|directives?)\b/i,
  /\b(ignore|disregard|forget)\s+(the\s+)?(instructions?|rules|prompts?)\s+(above|before|you\s+(were|have\s+been)\s+given)\b/i,
  /\bignorer[ae]?\b[^.!?\n]{0,40}\b(tidigare|föregående|alla|dina|tidligere|forrige|alle|dine)\b[^.!?\n]{0,20}\b(instruktioner|instruksjoner|instruktioner|regler)\b/iu,
  /\b(ignorier(e|en)?|vergiss)\b[^.!?\n]{0,40}\b(vorherigen|bisherigen|alle|deine|obigen)\b[^.!?\n]{0,20}\b(anweisungen|instruktionen|regeln)\b/iu,
  // fake role markers and tags that try to close the data block
  /\[\s*(system|admin|developer|assistant|instructions?)\s*\]/i,
  /<\s*\/?\s*(system|instructions?|context|passages?|prompt|rules|im_start|im_end|visitor_context)\b/i,
  /\bnew\s+(system\s+)?(directive|instructions?|rules|persona)\b/i,
  /\b(instructions?|message|note)\s+(to|for)\s+(the\s+)?(assistant|ai|bot|model|chatbot|llm)\b/i,
  // asking for the hidden prompt
  /\b(system|hidden|initial)\s+(prompt|instructions)\b|\b(system\s+message|original\s+prompt)\b/i,
  /\b(print|repeat|reveal|show|output|dump|display)\b[^.!?\n]{0,30}\b(everything|all|text|words)\b[^.!?\n]{0,20}\b(above|before|so far|verbatim)\b/i,
  /\b(systemprompt|systemprompten|systemmeddelande)\b/iu,
  // role-play jailbreaks
  /\byou\s+are\s+now\b/i,
  /\bfrom\s+now\s+on\s+(you|act|respond|answer)\b/i,
  /\b(do\s+anything\s+now|dan\s+mode|developer\s+mode|jailbreak|jailbroken)\b/i,
  /\bpretend\s+(that\s+)?(you\s+are|to\s+be|you're)\b/i,
  /\b(role-?play|act)\s+as\s+(an?\s+)?(unrestricted|unfiltered|uncensored|evil|different|new)\b/i,
  /\b(du\s+är\s+nu|du\s+er\s+nå|du\s+bist\s+jetzt)(?![\p{L}])/iu,
];

export function looksLikeInjection(text: string): boolean {
  return decodedVariants(text).some((variant) => PATTERNS.some((p) => p.test(variant)));
}

/** The text itself, its rot13 and any base64 runs in it, decoded. */
function decodedVariants(text: string): string[] {
  const variants = [text, rot13(text)];
  for (const run of text.match(/[A-Za-z0-9+/]{16,}={0,2}/g) ?? []) {
    const decoded = Buffer.from(run, 'base64').toString('utf8');
    if (/^[\p{L}\p{N}\p{P}\p{Zs}\n]+$/u.test(decoded)) variants.push(decoded);
  }
  return variants;
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}
