import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import SignInPage from './page';

describe('sign-in page', () => {
  const html = renderToString(<SignInPage />);

  it('has a labelled, required email field', () => {
    expect(html).toMatch(/<label for="email">Work email<\/label>/);
    expect(html).toMatch(/<input[^>]*id="email"[^>]*type="email"[^>]*required/);
  });

  it('has the submit button', () => {
    expect(html).toMatch(/<button type="submit"[^>]*>Email me a link<\/button>/);
  });
});
