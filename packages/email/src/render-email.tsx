/** @jsxRuntime automatic @jsxImportSource react */
import { render, toPlainText } from '@react-email/render';
import type { z } from 'zod';
import { EmailPropsError } from './errors';
import type { EmailTemplate } from './templates/define-template';
import { isTemplateName, TEMPLATES, type TemplateName, type TemplateProps } from './templates';
import { Layout } from './templates/layout';

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Checks props against the template's schema; the error names each bad field in words. */
export function parseTemplateProps<N extends TemplateName>(
  name: N,
  props: unknown,
): z.output<(typeof TEMPLATES)[N]['schema']> {
  if (!isTemplateName(name)) {
    throw new EmailPropsError(String(name), [
      `there is no such email (known: ${Object.keys(TEMPLATES).join(', ')})`,
    ]);
  }
  const parsed = TEMPLATES[name].schema.safeParse(props);
  if (parsed.success) return parsed.data as z.output<(typeof TEMPLATES)[N]['schema']>;
  throw new EmailPropsError(
    name,
    parsed.error.issues.map((i) =>
      i.path.length ? `${i.path.join('.')} ${i.message}` : i.message,
    ),
  );
}

/** Validates props, then renders the email's subject, HTML and plain-text parts. */
export async function renderEmail<N extends TemplateName>(
  name: N,
  props: TemplateProps<N>,
): Promise<RenderedEmail> {
  const parsed = parseTemplateProps(name, props);
  // Each template is typed by its own schema; here they are handled alike.
  const template = TEMPLATES[name] as unknown as EmailTemplate;
  const html = await render(
    <Layout
      preview={template.preview(parsed)}
      reason={template.reason(parsed)}
      sender={template.sender?.(parsed)}
    >
      {template.Content(parsed)}
    </Layout>,
  );
  return { subject: oneLine(template.subject(parsed)), html, text: toPlainText(html).trim() };
}

/** Names in a subject come from people; a line break there would break the header. */
function oneLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim().slice(0, 250);
}
