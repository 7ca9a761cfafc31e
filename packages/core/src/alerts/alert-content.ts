/** One alert in plain words; each channel escapes and lays it out in its own format. */
export interface AlertContent {
  /** One line: what happened and about whom. */
  headline: string;
  /** The customer's words or more context; null when there is nothing more to say. */
  detail: string | null;
  /** Where to act on it in the dashboard; null for the test message. */
  link: string | null;
  linkLabel: string;
}

/** Channels with tight limits (SMS, template parameters) keep the customer's words short. */
export function excerpt(text: string, max: number): string {
  const flat = text.trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The alert as one block of plain text: SMS, WhatsApp text. */
export function plainAlertText(content: AlertContent, maxDetail = 600): string {
  return [
    content.headline,
    content.detail ? excerpt(content.detail, maxDetail) : null,
    content.link,
  ]
    .filter(Boolean)
    .join('\n\n');
}
