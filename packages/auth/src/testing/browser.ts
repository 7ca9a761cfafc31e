// A browser for sign-in tests: one cookie jar per origin; requests to the dashboard go to its
// handler (Auth.js's, or the app's route handlers), anything else (the local identity provider)
// over HTTP.

/** Answers the dashboard's requests in-process. */
export type DashboardHandler = (request: Request) => Promise<Response>;

export class Browser {
  private jars = new Map<string, Map<string, string>>();

  constructor(
    private handle: DashboardHandler,
    readonly origin: string,
    private headers: Record<string, string> = {},
  ) {}

  /** One request, no redirects followed; the answer's cookies are kept. */
  async fetch(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const target = new URL(url, this.origin);
    const headers = new Headers({
      ...this.headers,
      ...init.headers,
      cookie: this.cookieHeader(target.origin),
    });
    let body: string | undefined;
    if (init.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(init.form).toString();
    }
    const request = new Request(target, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    const response =
      target.origin === this.origin ? await this.handle(request) : await fetch(request);
    for (const line of response.headers.getSetCookie()) this.store(target.origin, line);
    return response;
  }

  /** Follows redirects until an answer that is not one; stops before a URL `stopAt` accepts. */
  async follow(url: string, stopAt?: (url: URL) => boolean) {
    let at = new URL(url, this.origin);
    let response: Response | null = null;
    for (let hops = 0; hops < 20; hops++) {
      if (stopAt?.(at)) return { response, url: at };
      response = await this.fetch(at.toString());
      if (!isRedirect(response)) return { response, url: at };
      at = new URL(response.headers.get('location')!, at);
    }
    throw new Error(`too many redirects, last at ${at}`);
  }

  async csrfToken(): Promise<string> {
    const response = await this.fetch('/api/auth/csrf');
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  cookie(name: string, origin = this.origin): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(name: string, value: string, origin = this.origin) {
    this.jar(origin).set(name, value);
  }

  cookieHeader(origin = this.origin) {
    return [...this.jar(origin)].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private jar(origin: string) {
    if (!this.jars.has(origin)) this.jars.set(origin, new Map());
    return this.jars.get(origin)!;
  }

  private store(origin: string, line: string) {
    const [pair] = line.split(';');
    const at = pair!.indexOf('=');
    const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
    const expired = /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line);
    if (expired || !value) this.jar(origin).delete(name);
    else this.jar(origin).set(name, value);
  }
}

export function isRedirect(response: Response): boolean {
  return response.status >= 300 && response.status < 400 && response.headers.has('location');
}
