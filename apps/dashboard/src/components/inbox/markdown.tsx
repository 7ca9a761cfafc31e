import { Fragment, type ReactNode } from 'react';

/**
 * Markdown as agents and FAQ answers write it: paragraphs, line breaks, bullet and numbered
 * lists, **bold**, *italic*, `code` and [links](https://…). Built as React elements, never as
 * HTML, so a message can never inject markup; links open only http(s) and mailto addresses.
 */
export function Markdown({ text }: { text: string }) {
  return <>{blocks(text.replace(/\r\n?/g, '\n'))}</>;
}

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

function blocks(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.trim()) {
      i++;
      continue;
    }
    const kind = BULLET.test(lines[i]!) ? BULLET : NUMBERED.test(lines[i]!) ? NUMBERED : null;
    const start = i;
    if (kind) {
      const items: string[] = [];
      while (i < lines.length && kind.test(lines[i]!)) items.push(kind.exec(lines[i++]!)![1]!);
      const List = kind === BULLET ? 'ul' : 'ol';
      out.push(
        <List key={start}>
          {items.map((item, n) => (
            <li key={n}>{inline(item)}</li>
          ))}
        </List>,
      );
      continue;
    }
    const paragraph: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() &&
      !BULLET.test(lines[i]!) &&
      !NUMBERED.test(lines[i]!)
    )
      paragraph.push(lines[i++]!);
    out.push(
      <p key={start}>
        {paragraph.map((line, n) => (
          <Fragment key={n}>
            {n > 0 && <br />}
            {inline(line)}
          </Fragment>
        ))}
      </p>,
    );
  }
  return out;
}

const INLINE = /\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|_(.+?)_|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const key = m.index;
    if (m[1] ?? m[2]) out.push(<strong key={key}>{inline(m[1] ?? m[2]!)}</strong>);
    else if (m[3] ?? m[4]) out.push(<em key={key}>{inline(m[3] ?? m[4]!)}</em>);
    else if (m[5]) out.push(<code key={key}>{m[5]}</code>);
    else out.push(link(m[6]!, m[7]!, key));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function link(label: string, href: string, key: number): ReactNode {
  if (!/^(https?:|mailto:)/i.test(href)) return `${label} (${href})`;
  return (
    <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {label}
    </a>
  );
}
