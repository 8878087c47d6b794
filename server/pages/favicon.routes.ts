import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// The platform's mark: a red seal with 征. Browsers ask for /favicon.ico on every page whatever
// the page links, so it answers there too (an SVG body, typed as one) and no page logs a 404.
export const FAVICON_SVG = [
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">',
  '<rect width="32" height="32" rx="6" fill="#b3261e"/>',
  '<text x="16" y="24" font-size="22" text-anchor="middle" fill="#fff" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif">征</text>',
  '</svg>',
].join('');

export async function faviconRoutes(app: FastifyInstance): Promise<void> {
  const send = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG);
  const options = { config: { access: 'public' as const }, schema: { hide: true } };
  app.get('/favicon.svg', options, send);
  app.get('/favicon.ico', options, send);
}
