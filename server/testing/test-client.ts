import type { FastifyInstance, InjectOptions } from 'fastify';

/**
 * A browser-like client for app.inject: keeps cookies between requests and sends the CSRF
 * token with every state-changing request, as the workbench does.
 */
export class TestClient {
  readonly cookies: Record<string, string> = {};
  private csrfToken: string | undefined;

  constructor(
    private readonly app: FastifyInstance,
    private readonly headers: Record<string, string> = {},
  ) {}

  private remember(setCookie: string | string[] | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') delete this.cookies[name];
      else this.cookies[name] = value;
    }
  }

  async request(options: { method?: InjectOptions['method']; url: string; body?: unknown; headers?: Record<string, string>; remoteAddress?: string }) {
    const method = options.method ?? 'GET';
    if (method !== 'GET' && !this.csrfToken) {
      const res = await this.app.inject({ url: '/api/v1/auth/csrf', cookies: this.cookies });
      this.remember(res.headers['set-cookie']);
      this.csrfToken = res.json().token;
    }
    const res = await this.app.inject({
      method,
      url: options.url,
      cookies: this.cookies,
      headers: { ...this.headers, ...(method !== 'GET' ? { 'x-csrf-token': this.csrfToken! } : {}), ...options.headers },
      ...(options.body === undefined ? {} : { payload: options.body as InjectOptions['payload'] }),
      ...(options.remoteAddress === undefined ? {} : { remoteAddress: options.remoteAddress }),
    });
    this.remember(res.headers['set-cookie']);
    return res;
  }

  get(url: string) {
    return this.request({ url });
  }

  post(url: string, body?: unknown) {
    return this.request({ method: 'POST', url, body: body ?? {} });
  }

  put(url: string, body: unknown) {
    return this.request({ method: 'PUT', url, body });
  }
}
