/** @jsxRuntime automatic @jsxImportSource react */
import {
  Body,
  Button,
  Container,
  Head,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from '@react-email/components';
import { Fragment, type ReactNode } from 'react';

export const BRAND = {
  product: 'Replyline',
  colour: '#4f46e5',
  text: '#0f172a',
  muted: '#475569',
  border: '#cbd5e1',
  background: '#f8fafc',
} as const;

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

interface LayoutProps {
  preview: string;
  /** Why the reader got this email, shown in the footer. */
  reason: string;
  /** Customer-facing emails carry the workspace's name at the top, team emails "Replyline". */
  sender?: string;
  children: ReactNode;
}

export function Layout({ preview, reason, sender = BRAND.product, children }: LayoutProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: BRAND.background, fontFamily, margin: 0, padding: '24px 0' }}>
        <Container
          style={{
            backgroundColor: '#ffffff',
            border: `1px solid ${BRAND.border}`,
            borderRadius: 12,
            maxWidth: 560,
            padding: '32px 40px',
          }}
        >
          <Text style={{ color: BRAND.colour, fontSize: 20, fontWeight: 700, margin: '0 0 24px' }}>
            {sender}
          </Text>
          {children}
          <Hr style={{ borderColor: BRAND.border, margin: '32px 0 16px' }} />
          <Text style={{ color: BRAND.muted, fontSize: 12, lineHeight: '18px', margin: 0 }}>
            {reason}
          </Text>
          <Text style={{ color: BRAND.muted, fontSize: 12, lineHeight: '18px', margin: '8px 0 0' }}>
            {sender === BRAND.product
              ? `${BRAND.product}, AI customer support`
              : `Sent by ${sender} with ${BRAND.product}`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Heading({ children }: { children: ReactNode }) {
  return (
    <Text
      style={{
        color: BRAND.text,
        fontSize: 22,
        fontWeight: 700,
        lineHeight: '30px',
        margin: '0 0 16px',
      }}
    >
      {children}
    </Text>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return (
    <Text style={{ color: BRAND.text, fontSize: 15, lineHeight: '24px', margin: '0 0 16px' }}>
      {children}
    </Text>
  );
}

/** The one action of the email, with the bare link under it for clients that hide buttons. */
export function Action({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 24px' }}>
      <Button
        href={href}
        style={{
          backgroundColor: BRAND.colour,
          borderRadius: 8,
          color: '#ffffff',
          fontSize: 15,
          fontWeight: 600,
          padding: '12px 20px',
          textDecoration: 'none',
        }}
      >
        {children}
      </Button>
      {/* The text part already shows the link beside the button's label. */}
      <Text
        data-skip-in-text
        style={{ color: BRAND.muted, fontSize: 13, lineHeight: '20px', margin: '16px 0 0' }}
      >
        Or open this link:{' '}
        <Link href={href} style={{ color: BRAND.colour, wordBreak: 'break-all' }}>
          {href}
        </Link>
      </Text>
    </Section>
  );
}

/** Text a person wrote, quoted with its line breaks kept. React escapes it; nothing else needed. */
export function Quote({ children }: { children: string }) {
  const lines = children.split(/\r?\n/);
  return (
    <Section
      style={{
        borderLeft: `3px solid ${BRAND.colour}`,
        backgroundColor: BRAND.background,
        margin: '0 0 24px',
        padding: '4px 16px',
      }}
    >
      <Text style={{ color: BRAND.text, fontSize: 15, lineHeight: '24px', margin: '8px 0' }}>
        {lines.map((line, i) => (
          <Fragment key={i}>
            {i > 0 && <br />}
            {line}
          </Fragment>
        ))}
      </Text>
    </Section>
  );
}
