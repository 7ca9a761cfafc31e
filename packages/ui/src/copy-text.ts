/** The part of the Clipboard API copying needs; absent on plain-http pages other than localhost. */
export type ClipboardLike = Pick<Clipboard, 'writeText'> | undefined;

/**
 * Copies text, resolving whether it worked. Browsers refuse without a secure context or the
 * permission; the caller then asks the person to select and copy it themselves.
 */
export async function copyText(
  text: string,
  clipboard: ClipboardLike = typeof navigator === 'undefined' ? undefined : navigator.clipboard,
): Promise<boolean> {
  if (!clipboard) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export type CopyState = 'idle' | 'copied' | 'failed';

/** What the copy button's live region says after a click. */
export function copyMessage(state: CopyState, what: string): string {
  if (state === 'copied') return `${what} copied to the clipboard.`;
  if (state === 'failed')
    return `Could not copy automatically: select the ${what.toLowerCase()} and press Ctrl+C (⌘C on a Mac).`;
  return '';
}
