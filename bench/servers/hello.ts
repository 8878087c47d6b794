import Fastify from 'fastify';

// The baseline: a bare Fastify answering "hello", the ceiling for any page on this machine.
const app = Fastify({ logger: false });
app.get('/', async () => 'hello');
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
