// The link spellings from the sanitizer-bypass report, plus the classic ones: shared by the
// guard's tests and the widget's, so both sides are held to exactly the same list.

/** Link targets that must never become a link, even on the tenant's own host. */
export const UNSAFE_LINK_TARGETS = [
  // The report's cases: the WHATWG parser repairs each into http(s)://evil.example/…
  'http:evil.example/steal?c=SECRET ',
  'http:evil.example/steal?c=SECRET',
  'https:evil.example/steal?c=SECRET\t',
  'http:/evil.example/steal?c=SECRET',
  'https:\\\\evil.example/steal?c=SECRET',
  'HTTP://evil.example/steal?c=SECRET',
  'HTTP:evil.example/steal',
  // Other schemes, scheme-relative, credentials that hide the real host.
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '//evil.example/steal',
  'http://evil.example@good.example/',
  'https://good.example@evil.example/',
  // Mixed case and whitespace the parser would trim (Unicode spaces included).
  'Https://good.example/',
  'hTTp://good.example/',
  ' https://good.example/',
  'https://good.example/ ',
  '\u00a0https://good.example/',
  'https://good.example/\u00a0',
  'https://good.example/\u2003',
  'https://good.example/\u3000x',
  'https://good.example/\u2028',
  'https://good.example\\@evil.example/',
];
