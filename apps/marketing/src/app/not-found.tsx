import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="section" aria-labelledby="not-found-title">
      <div className="container page-header">
        <p className="eyebrow">404</p>
        <h1 id="not-found-title">We couldn’t find that page</h1>
        <p className="lead">It may have moved, or the link may be wrong.</p>
        <div className="actions" style={{ justifyContent: 'center' }}>
          <Link className="button" href="/">
            Back to the home page
          </Link>
        </div>
      </div>
    </section>
  );
}
