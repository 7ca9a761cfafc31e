import Link from 'next/link';
import { site } from '~/lib/site';
import { LogoMark } from '@replyline/ui/logo';

export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div className="site-footer__brand">
          <Link href="/" className="brand" aria-label={`${site.name} home`}>
            <LogoMark size={24} />
            <span>{site.name}</span>
          </Link>
          <p className="muted">{site.tagline}.</p>
        </div>
        <nav aria-label="Footer">
          <h2 className="site-footer__heading">Product</h2>
          <ul>
            <li>
              <Link href={{ pathname: '/', hash: 'features' }}>Features</Link>
            </li>
            <li>
              <Link href="/pricing">Pricing</Link>
            </li>
            <li>
              <a href={site.signInUrl}>Sign in</a>
            </li>
          </ul>
        </nav>
        <div>
          <h2 className="site-footer__heading">Company</h2>
          <ul>
            <li>
              <a href={`mailto:${site.supportEmail}`}>Contact</a>
            </li>
          </ul>
        </div>
      </div>
      <div className="container site-footer__legal">
        <p className="muted">
          © {year} {site.name}. All rights reserved.
        </p>
      </div>
    </footer>
  );
}
