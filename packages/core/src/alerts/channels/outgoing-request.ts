/** One HTTP call a channel makes; `typedAddress` marks a URL the admin typed (checked first). */
export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  typedAddress: boolean;
}

/** The providers' API roots; tests point them at local servers that speak the same protocol. */
export interface AlertEndpoints {
  telegram: string;
  whatsapp: string;
  twilio: string;
}

export const PROVIDER_ENDPOINTS: AlertEndpoints = {
  telegram: 'https://api.telegram.org',
  whatsapp: 'https://graph.facebook.com/v21.0',
  twilio: 'https://api.twilio.com',
};

export const JSON_HEADERS = {
  'content-type': 'application/json',
  'user-agent': 'Replyline-Alerts/1',
};
