/** An officer's browser, reduced to what the admin JSON API needs: a cookie jar and the CSRF token. */
import type { TestServer } from './test-server';

export interface AdminResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
  readonly setCookies: string[];
}

export class AdminClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

  constructor(private readonly server: TestServer) {}

  get base(): string {
    return `${this.server.url}/admin`;
  }

  async request(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<AdminResponse> {
    const csrf = options.csrf === null ? undefined : (options.csrf ?? this.csrfToken);
    const hasBody = options.body !== undefined || options.rawBody !== undefined;
    const response = await fetch(`${this.base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        // What a browser sends with the page's own fetch(): the admin app's origin.
        origin: new URL(this.server.url).origin,
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
        ...options.headers,
      },
      ...(hasBody ? { body: options.rawBody ?? JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // pages and empty answers stay text
    }
    const setCookies = response.headers.getSetCookie();
    for (const cookie of setCookies) {
      const [pair] = cookie.split(';');
      this.cookie = /^[^=]+=$/.test(pair ?? '') || /Max-Age=0/.test(cookie) ? undefined : pair;
    }
    return { status: response.status, headers: response.headers, body, setCookies };
  }

  async login(username: string, password: string): Promise<AdminResponse> {
    const response = await this.request('POST', '/api/login', { body: { username, password }, csrf: null });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }
}

/** Logs in as the first officer (role admin). */
export async function adminSession(server: TestServer): Promise<AdminClient> {
  const client = new AdminClient(server);
  const response = await client.login(server.config.ADMIN_USERNAME, server.adminPassword);
  if (response.status !== 200) throw new Error(`admin login answered ${response.status}`);
  return client;
}
