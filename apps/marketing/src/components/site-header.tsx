import Link from 'next/link';
import { LogoMark } from '@replyline/ui/logo';
import { signUpUrl, site } from '~/lib/site';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="brand" aria-label={`${site.name} home`}>
          <LogoMark />
          <span>{site.name}</span>
        </Link>
        <nav aria-label="Main">
          <ul className="nav-list">
            <li>
              <Link href={{ pathname: '/', hash: 'features' }}>Features</Link>
            </li>
            <li>
              <Link href="/pricing">Pricing</Link>
            </li>
            <li>
              <Link href="/docs/embedding">Docs</Link>
            </li>
            <li>
              <a href={site.signInUrl}>Sign in</a>
            </li>
            <li>
              <a className="button button--small" href={signUpUrl('free')}>
                Start for free
              </a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
