import { isRedirect, type Browser } from './browser';

/**
 * Signs in at the test provider's own pages (its login form, then consent), as a person
 * would, and returns the URL it sends the browser back to (our callback, with code and state).
 */
export async function signInAtProvider(
  browser: Browser,
  authorizeUrl: string,
  login: string,
): Promise<URL> {
  const backHome = (url: URL) => url.origin === browser.origin;
  let { response, url } = await browser.follow(authorizeUrl, backHome);
  for (let step = 0; step < 4 && !backHome(url); step++) {
    const html = await response!.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form at the provider:\n${html.slice(0, 400)}`);
    const form: Record<string, string> =
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt };
    const posted = await browser.fetch(new URL(action.replaceAll('&amp;', '&'), url).toString(), {
      form,
    });
    if (!isRedirect(posted)) throw new Error(`the provider refused: ${await posted.text()}`);
    ({ response, url } = await browser.follow(
      new URL(posted.headers.get('location')!, url).toString(),
      backHome,
    ));
  }
  if (!backHome(url)) throw new Error(`the provider did not send the browser back (at ${url})`);
  return url;
}
