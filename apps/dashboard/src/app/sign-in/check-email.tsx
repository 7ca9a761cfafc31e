import Link from 'next/link';

/** What to do next once a link is on its way; in development, where to find it. */
export function CheckEmail({
  email,
  linkMinutes,
  devOutbox,
}: {
  email?: string;
  linkMinutes: number;
  devOutbox: boolean;
}) {
  return (
    <div role="status" className="check-email">
      <h1>Check your email</h1>
      <p className="muted">
        We sent a sign-in link to {email ? <strong>{email}</strong> : 'your address'}. It works
        once, for the next {linkMinutes} minutes. You can close this tab.
      </p>
      {devOutbox && <DevOutboxNote />}
    </div>
  );
}

export function DevOutboxNote() {
  return (
    <p className="notice">
      Development: no email is sent. Open the <Link href="/dev/outbox">dev outbox</Link> (or look in
      the API&apos;s log) for the link.
    </p>
  );
}
