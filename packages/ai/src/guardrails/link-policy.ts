import { linkHref } from './link-rule';

/**
 * Which links an answer may carry: any page on the tenant's own hosts (its site and widget
 * origins), and a URL from another host only when that exact URL is written in a passage the
 * answer was given. So a model cannot send a customer, or the conversation in a query string,
 * to an address nobody at the tenant wrote down.
 */
export interface LinkPolicy {
  hosts: Set<string>;
  urls: Set<string>;
}

export function linkPolicy(
  tenantUrls: (string | null | undefined)[],
  passageTexts: string[],
): LinkPolicy {
  const hosts = new Set<string>();
  for (const url of tenantUrls) {
    const host = hostOf(url ?? '');
    if (host) hosts.add(host.replace(/^www\./, ''));
  }
  const urls = new Set<string>();
  for (const text of passageTexts)
    for (const url of text.match(/https?:\/\/[^\s<>()[\]"']+/g) ?? []) urls.add(trimUrl(url));
  return { hosts, urls };
}

/** Only a link the shared rule accepts (canonical http(s), see `linkHref`) can be allowed. */
export function isAllowedLink(url: string, policy: LinkPolicy): boolean {
  const href = linkHref(url);
  const host = href && hostOf(href);
  if (!host) return false;
  if (policy.urls.has(trimUrl(url))) return true;
  const bare = host.replace(/^www\./, '');
  return [...policy.hosts].some((allowed) => bare === allowed || bare.endsWith(`.${allowed}`));
}

function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
      ? parsed.hostname.toLowerCase()
      : null;
  } catch {
    return null;
  }
}

/** Sentence punctuation after a URL belongs to the sentence. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?]+$/, '');
}
