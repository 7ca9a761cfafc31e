import { z } from 'zod';

/** A link a person will click: absolute and http(s) only, so no `javascript:` or `data:` URL can slip in. */
export const ZHttpUrl = z.url({
  protocol: /^https?$/,
  error: 'must be an absolute http:// or https:// link',
});

export const ZEmailAddress = z.email({ error: 'must be an email address' });

/** A name or title shown in a sentence: trimmed, never empty, never a wall of text. */
export const ZName = z.string().trim().min(1, 'must not be empty').max(200);

/** Free text written by a person (a message, a reply): kept whole, line breaks and all. */
export const ZMessageText = z.string().trim().min(1, 'must not be empty').max(20_000);

export const ZTicketNumber = z.number().int().positive();

/** An IANA time zone ("Europe/Stockholm"); times in emails are shown in it. */
export const ZTimeZone = z
  .string()
  .default('UTC')
  .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as "Europe/Stockholm"');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
