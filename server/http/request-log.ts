import type { FastifyRequest } from 'fastify';

// A request's log line: Fastify's default fields, with the query values that are credentials
// masked. The superior organization's mailed link carries its token in the query string
// (GET /api/v1/superior-review?token=…), and a log is read by more people than the token's owner.

const SECRET_QUERY = /([?&](?:token)=)[^&#]*/gi;

export function maskSecretQuery(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]');
}

export function serializeRequest(request: FastifyRequest) {
  return { method: request.method, url: maskSecretQuery(request.url), host: request.host, remoteAddress: request.ip, remotePort: request.socket?.remotePort };
}
