// The baseline: a bare Fastify server answering one fixed HTML page (read from a file).
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const html = readFileSync(process.argv[2], 'utf8');
const app = Fastify({ logger: false });
app.get('/', (_request, reply) =>
  reply.header('content-type', 'text/html; charset=utf-8').send(html),
);
const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(`ready at ${address}`);
