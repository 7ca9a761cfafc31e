import Link from 'next/link';
import { LogoMark } from '@replyline/ui/logo';
import { site } from '~/lib/site';

export function SiteFooter() {
  // Pages are prerendered, so this is the year of the build; fine for a copyright line.
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
        <nav aria-labelledby="footer-product">
          <h2 id="footer-product" className="site-footer__heading">
            Product
          </h2>
          <ul>
            <li>
              <Link href={{ pathname: '/', hash: 'features' }}>Features</Link>
            </li>
            <li>
              <Link href="/pricing">Pricing</Link>
            </li>
            <li>
              <Link href="/docs/embedding">Embedding guide</Link>
            </li>
            <li>
              <a href={site.signInUrl}>Sign in</a>
            </li>
          </ul>
        </nav>
        <nav aria-labelledby="footer-company">
          <h2 id="footer-company" className="site-footer__heading">
            Company
          </h2>
          <ul>
            <li>
              <Link href="/legal/terms">Terms of service</Link>
            </li>
            <li>
              <Link href="/legal/privacy">Privacy policy</Link>
            </li>
            <li>
              <a href={`mailto:${site.supportEmail}`}>Contact</a>
            </li>
          </ul>
        </nav>
      </div>
      <div className="container site-footer__legal">
        <p className="muted">
          © {year} {site.name}. All rights reserved.
        </p>
      </div>
    </footer>
  );
}
