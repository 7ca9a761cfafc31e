import { checkOutboundUrl } from '@replyline/net';
import type { ActionParams } from './action-parameters';

const PLACEHOLDER = /\{((?:visitor\.)?[A-Za-z][A-Za-z0-9_]{0,39})\}/g;

/**
 * Placeholders filled from the visitor's signed identity, never from the model or the visitor's
 * words: `{visitor.email}` and `{visitor.id}` let an endpoint check that a record is theirs.
 */
export const IDENTITY_PLACEHOLDERS = ['visitor.email', 'visitor.id'] as const;

/** The `{name}` placeholders of a URL template, in order. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * Why a URL template is refused, or null. Placeholders may stand only in the path or the query,
 * never in the scheme, host or port: the owner decides where a call goes, not the visitor.
 */
export function urlTemplateProblem(
  template: string,
  rules: { allowLocal?: boolean } = {},
): string | null {
  const unknownIdentity = templatePlaceholders(template).find(
    (name) =>
      name.startsWith('visitor.') && !(IDENTITY_PLACEHOLDERS as readonly string[]).includes(name),
  );
  if (unknownIdentity)
    return `{${unknownIdentity}} is not known; use {visitor.email} or {visitor.id}.`;
  const withoutPlaceholders = template.replace(PLACEHOLDER, 'x');
  let url: URL;
  try {
    url = new URL(withoutPlaceholders);
  } catch {
    return 'Enter a full address, starting with https://.';
  }
  const origin = `${url.protocol}//${template.slice(url.protocol.length + 2).split(/[/?#]/)[0]}`;
  if (/[{}]/.test(origin)) return 'Parameters can be used in the path or query, not in the host.';
  if (url.hash) return 'The address must not contain a #fragment.';
  if (/[{}]/.test(withoutPlaceholders))
    return 'A placeholder is written {name}: letters, digits and _.';
  // The outbound client's rules, told when the action is saved rather than at its first call:
  // https only; http:// and private addresses only for a server on this machine in development.
  return checkOutboundUrl(withoutPlaceholders, { allowPrivateAddresses: rules.allowLocal });
}

/**
 * Fills a template's placeholders with percent-encoded values, so a value can never add a path
 * segment, a query parameter or change the host ("../admin", "1?x=y", "@evil" stay data). The
 * result is re-read and its origin compared with the template's, as a second lock.
 */
export function fillUrlTemplate(template: string, params: ActionParams): URL {
  const filled = template.replace(PLACEHOLDER, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TemplateValueError(`The parameter ${name} is missing.`);
    // URL parsers read "..", "." and even "%2e%2e" as a step up the path: no encoding makes them data.
    if (/^\.+$/.test(String(value)))
      throw new TemplateValueError(`"${value}" is not a valid ${name}.`);
    return encodeURIComponent(String(value));
  });
  const url = new URL(filled);
  const expected = new URL(template.replace(PLACEHOLDER, 'x'));
  if (url.origin !== expected.origin)
    throw new TemplateValueError('The filled address changed its host.');
  return url;
}

/** A value that cannot be put in the address; the call is not made. */
export class TemplateValueError extends Error {
  override name = 'TemplateValueError';
}
