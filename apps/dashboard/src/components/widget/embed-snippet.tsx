import { CopyButton } from '@replyline/ui/copy-button';

/** The one tag to paste into the customer's site, with a copy button. */
export function EmbedSnippet({ snippet }: { snippet: string | null }) {
  if (!snippet)
    return (
      <p className="notice">
        The snippet needs the public address of the Replyline API, which is not configured for this
        dashboard. Ask whoever runs your Replyline server to set it.
      </p>
    );
  return (
    <div className="snippet">
      <p className="hint" id="embed-snippet-hint">
        Paste this before <code>&lt;/body&gt;</code> on every page where the chat should appear, on
        a website listed under Allowed websites.
      </p>
      <pre className="code-block" aria-describedby="embed-snippet-hint">
        <code data-embed-snippet="">{snippet}</code>
      </pre>
      <CopyButton text={snippet} what="Snippet" />
    </div>
  );
}
