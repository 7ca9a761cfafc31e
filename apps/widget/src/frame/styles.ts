// The frame's stylesheet, installed from JS (the frame page has no <style> or <link>; its
// CSP allows inline styles but no other origins). Brand colours come in as custom
// properties: --b brand background, --on text on it, --ink brand as text on white.

const DEFAULT_BRAND = '#4f46e5';
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

function luminance(hex: string): number {
  const full = hex.length === 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Brand colours with readable text on them, whatever colour the tenant picked. */
export function palette(primary: string): Record<string, string> {
  const brand = HEX.test(primary) ? primary : DEFAULT_BRAND;
  const light = luminance(brand) > 0.4;
  return { '--b': brand, '--on': light ? '#111827' : '#fff', '--ink': light ? '#111827' : brand };
}

export const CSS =
  '*,*::before,*::after{box-sizing:border-box}' +
  'html,body{height:100%;margin:0}' +
  'body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#fff}' +
  '#app,.app{height:100%}.app{display:flex;flex-direction:column}' +
  'button,input,textarea{font:inherit;color:inherit}button{cursor:pointer}' +
  ':focus-visible{outline:3px solid var(--ink);outline-offset:2px}' +
  '[hidden]{display:none!important}' +
  '.head{display:flex;align-items:center;gap:10px;padding:10px 8px 10px 12px;background:var(--b);color:var(--on)}' +
  '.head :focus-visible{outline-color:var(--on);outline-offset:-3px}' +
  '.avatar{width:36px;height:36px;flex:none;border-radius:50%;object-fit:cover;display:flex;align-items:center;justify-content:center;background:rgba(255,255,255,.25);font-weight:700}' +
  '.who{flex:1;min-width:0}.who h1,.who p{margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}' +
  '.who h1{font-size:16px}.who p{font-size:12px;opacity:.9}' +
  '.icon{width:44px;height:44px;flex:none;padding:0;border:0;border-radius:8px;background:none;display:flex;align-items:center;justify-content:center}' +
  '.icon svg{width:22px;height:22px;fill:currentColor}' +
  '.scroll{flex:1;min-height:0;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px}' +
  '.log{display:flex;flex-direction:column;gap:10px}' +
  '.msg{display:flex;flex-direction:column;align-items:flex-start;max-width:88%}' +
  '.msg[data-role=visitor]{align-self:flex-end;align-items:flex-end}' +
  '.bubble{padding:8px 12px;border-radius:14px;background:#f3f4f6;overflow-wrap:anywhere;max-width:100%}' +
  '.msg[data-role=visitor] .bubble{background:var(--b);color:var(--on);white-space:pre-wrap}' +
  '.msg[data-role=agent] .bubble{background:#ecfdf5}' +
  '.bubble p,.bubble ul,.bubble ol,.bubble pre{margin:0 0 8px}.bubble>:last-child{margin-bottom:0}' +
  '.bubble ul,.bubble ol{padding-left:22px}' +
  '.bubble pre{overflow-x:auto;padding:8px;border-radius:6px;background:#1f2937;color:#f9fafb;font-size:13px}' +
  '.bubble code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}' +
  '.bubble a{color:inherit}.cite{color:#4b5563;font-size:.7em;margin-left:1px}' +
  '.author,.sources{font-size:12px;color:#4b5563;margin:2px 4px}' +
  // An agent's replies and "joined" lines carry their picture, smaller than the header's.
  '.author{display:flex;align-items:center;gap:6px}.author .avatar,.note .avatar{width:20px;height:20px;font-size:11px;background:#e5e7eb;color:#374151}' +
  '.note[data-handoff]{display:flex;align-items:center;gap:6px;justify-content:center}.head-avatar{display:flex}' +
  '.sources ol{display:inline;margin:0;padding:0;list-style:none}.sources li{display:inline;margin-right:8px}' +
  '.sources a{color:inherit}.sources summary{display:inline;cursor:pointer;text-decoration:underline}.sources .faq{margin:4px 0;padding:6px 8px;border-radius:8px;background:#f3f4f6;color:#111827;font-size:13px}' +
  '.actions{display:flex;gap:2px}' +
  '.fb{width:36px;height:36px;padding:0;border:0;border-radius:6px;background:none;color:#6b7280;display:flex;align-items:center;justify-content:center}' +
  '.fb svg{width:16px;height:16px;fill:currentColor}.fb[aria-pressed=true]{color:var(--ink);background:#eef2ff}' +
  '.note{align-self:center;margin:0;max-width:90%;text-align:center;font-size:13px;color:#4b5563}' +
  '.typing{align-self:flex-start;display:flex;align-items:center;gap:4px;padding:13px 14px;border-radius:14px;background:#f3f4f6}' +
  '.typing .who{margin-left:4px;font-size:12px;line-height:7px;color:#4b5563}' +
  '.typing i{width:7px;height:7px;border-radius:50%;background:#6b7280}' +
  '.chips{display:flex;flex-wrap:wrap;gap:6px}' +
  '.chip{padding:6px 12px;border:1px solid var(--ink);border-radius:16px;background:#fff;color:var(--ink);text-align:left}' +
  '.slot:empty{display:none}' +
  '.card{display:flex;flex-direction:column;gap:10px;padding:12px;border:1px solid #d1d5db;border-radius:12px}' +
  '.card h2{margin:0;font-size:15px}.card p{margin:0}' +
  '.msg .card{margin-top:6px;gap:6px;font-size:14px}.card dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:0}.card dd{margin:0}.card label{display:flex;flex-direction:column;gap:2px}' +
  'label{display:flex;flex-direction:column;gap:3px;font-size:13px;font-weight:600}' +
  'input,textarea{width:100%;padding:8px;border:1px solid #6b7280;border-radius:8px;background:#fff;font-weight:400}' +
  '[aria-invalid=true]{border-color:#b91c1c}' +
  '.row{display:flex;flex-wrap:wrap;align-items:center;gap:8px}' +
  '.primary{padding:9px 14px;border:0;border-radius:8px;background:var(--b);color:var(--on);font-weight:600}' +
  '.link{padding:6px;border:0;background:none;color:#374151;font-size:13px;text-decoration:underline}' +
  '.stars{display:flex;gap:2px}' +
  // The transcript by email, under the stars: the address and Send on one line.
  '.mail{display:flex;flex-direction:column;gap:6px;padding-top:10px;border-top:1px solid #e5e7eb}' +
  '.mail .row{flex-wrap:nowrap}.mail input{flex:1;min-width:0}.sent{color:#065f46}' +
  '.star{width:44px;height:44px;padding:0;border:0;background:none;color:#9ca3af;font-size:28px;line-height:1}.star.on{color:#d97706}' +
  '.error{margin:0;padding:8px 12px;border-radius:8px;background:#fef2f2;color:#991b1b;font-size:14px}' +
  '.error .link{color:inherit}' +
  '.composer{display:flex;align-items:flex-end;gap:8px;padding:8px 12px;border-top:1px solid #e5e7eb}' +
  '.composer textarea{flex:1;min-height:42px;max-height:120px;resize:none}' +
  '.send{width:42px;height:42px;flex:none;padding:0;border:0;border-radius:50%;background:var(--b);color:var(--on);display:flex;align-items:center;justify-content:center}' +
  '.send svg{width:20px;height:20px;fill:currentColor}.send:disabled{opacity:.5;cursor:default}' +
  '.foot{display:flex;flex-wrap:wrap;justify-content:center;gap:4px 12px;padding:0 8px 6px}' +
  // Motion only for people who have not asked for less.
  '@media (prefers-reduced-motion:no-preference){' +
  '.typing i{animation:rl-dot 1.2s infinite ease-in-out}.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}' +
  '.msg,.card{animation:rl-in .2s ease-out}' +
  '@keyframes rl-dot{0%,80%,100%{opacity:.3}40%{opacity:1}}' +
  '@keyframes rl-in{from{opacity:0;transform:translateY(6px)}}}';

export function installStyles(doc: Document, primaryColor: string): void {
  const root = doc.documentElement;
  const colors = palette(primaryColor);
  for (const name in colors) root.style.setProperty(name, colors[name]!);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    doc.adoptedStyleSheets = [sheet];
    return;
  } catch {
    // Older engines: a <style> element, allowed by the frame's style-src 'unsafe-inline'.
  }
  const style = doc.createElement('style');
  style.textContent = CSS;
  doc.head.appendChild(style);
}
