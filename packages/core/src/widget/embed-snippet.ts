import { baseUrl } from '../services';

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The one tag a customer pastes into their site. */
export function embedSnippet(apiUrl: string, publishableKey: string): string {
  const src = escapeAttribute(`${baseUrl(apiUrl)}/widget.js`);
  return `<script src="${src}" data-key="${escapeAttribute(publishableKey)}" async></script>`;
}
