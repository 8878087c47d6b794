import { loadConfig } from '../../server/config.ts';
import { startApp } from '../../server/start.ts';

// The real app on the public-pages benchmark's seeded DATA_DIR, with its public cache or without
// (PUBLIC_CACHE=off: every page rendered per request, what a page costs the first time it is read
// after a change). Readers come from many networks, as they do (WeChat, mobile carriers): each
// request is given its own /64 by a proxy header, so the library's per-network search limit
// (120 a minute) counts them as the public, at the price it costs, without refusing the load.
const config = loadConfig({ ...process.env, PORT: '0', LOG_LEVEL: 'warn', TRUST_PROXY: '1' });
const off = process.env.PUBLIC_CACHE === 'off';
const { app } = await startApp(config, { logger: { level: 'warn' }, publicCache: off ? { maxEntries: 0, maxBytes: 0 } : undefined });
let reader = 0;
app.addHook('onRequest', (request, _reply, done) => {
  reader = (reader + 1) % 65_536;
  request.headers['x-forwarded-for'] = `2001:db8:${reader.toString(16)}::1`;
  done();
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
