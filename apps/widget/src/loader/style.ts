// The launcher's stylesheet. The colour is validated as a hex colour before it gets here
// (it comes from a data attribute or the API, and lands inside CSS text).

export interface Look {
  color: string;
  left: boolean;
}

export function css({ color, left }: Look): string {
  const side = left ? 'left' : 'right';
  return (
    // The launcher's text and box take the page's own font: a font of our own (system-ui) cost
    // the page a font lookup in the launcher's first layout, about a fifth of its style and
    // layout time. The badge and the notice appear only later and keep theirs.
    ':host{all:initial;font-family:inherit}' +
    `.launcher{position:fixed;${side}:20px;bottom:20px;z-index:2147483000;box-sizing:border-box;width:56px;height:56px;margin:0;padding:0;border:0;border-radius:50%;font:inherit;` +
    `background:${color};color:#fff;cursor:pointer;display:flex;align-items:center;justify-content:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}` +
    `.launcher:focus-visible{outline:3px solid ${color};outline-offset:3px}` +
    '.launcher svg{width:28px;height:28px;fill:currentColor}' +
    '.launcher .x,.launcher[aria-expanded=true] .bubble{display:none}' +
    '.launcher[aria-expanded=true] .x{display:block}' +
    '.badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 6px;box-sizing:border-box;border-radius:10px;' +
    'background:#b91c1c;color:#fff;font:700 12px/20px system-ui,sans-serif;text-align:center}' +
    '.badge[hidden]{display:none}' +
    // The launcher text, a speech bubble beside the button, closed panel only.
    `.label{position:fixed;${side}:88px;bottom:30px;z-index:2147483000;max-width:min(240px,calc(100vw - 116px));box-sizing:border-box;padding:8px 14px;border-radius:18px;` +
    'background:#fff;color:#111827;font-weight:600;font-size:14px;line-height:20px;box-shadow:0 2px 10px rgba(0,0,0,.18);cursor:pointer;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
    '.label[hidden]{display:none}' +
    `.panel{position:fixed;${side}:20px;bottom:88px;z-index:2147483000;width:380px;max-width:calc(100vw - 40px);height:600px;max-height:calc(100vh - 120px);` +
    'border-radius:12px;overflow:hidden;background:#fff;box-shadow:0 8px 32px rgba(0,0,0,.25)}' +
    '.panel[hidden],.panel [hidden]{display:none}' +
    '.panel iframe{display:block;width:100%;height:100%;border:0}' +
    '.notice{margin:0;padding:32px 24px;font:16px/1.5 system-ui,sans-serif;color:#1f2937;text-align:center}' +
    // Phones: the chat takes the whole screen; its own header has the close button, and the
    // launcher would cover the composer.
    '@media (max-width:480px){.panel{top:0;right:0;bottom:0;left:0;width:auto;height:auto;max-width:none;max-height:none;border-radius:0}' +
    '.launcher[aria-expanded=true]{display:none}}' +
    // Motion only for people who have not asked for less: no transition otherwise. A closed
    // panel stays laid out but invisible here so that closing can fade out too; visibility
    // keeps it out of the tab order and the accessibility tree.
    '@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .15s ease}.launcher:hover{transform:scale(1.06)}' +
    '.panel{transition:opacity .2s ease,transform .2s ease}' +
    '.panel[hidden]{display:block;visibility:hidden;opacity:0;transform:translateY(16px) scale(.97);transition:opacity .2s ease,transform .2s ease,visibility 0s .2s}}'
  );
}

/** Installs `text` in the shadow root; returns a function that replaces it. */
export function applyStyles(root: ShadowRoot, text: string): (text: string) => void {
  // Constructable stylesheets are not blocked by a host page CSP without 'unsafe-inline'.
  try {
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [sheet];
      return (next) => sheet.replaceSync(next);
    }
  } catch {
    // Fall through to a <style> element.
  }
  const style = document.createElement('style');
  style.textContent = text;
  root.appendChild(style);
  return (next) => {
    style.textContent = next;
  };
}
