// Static files: style sheets, scripts and images built into dist/public with hashed names
// (scripts/build-assets.mjs). Served with a year's cache, since a new version has a new name.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const root = fileURLToPath(new URL('../../dist/public', import.meta.url)).replace(
  /[/\\]dist[/\\]dist[/\\]public$/,
  '/dist/public',
);

export type AssetUrl = (name: string) => string;

export function loadAssetManifest(): AssetUrl {
  const path = `${root}/manifest.json`;
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run "node scripts/build-assets.mjs" (npm start does).`);
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return (name) => {
    const hashed = manifest[name];
    if (!hashed) throw new Error(`Unknown asset ${name}`);
    return `/assets/${hashed}`;
  };
}

export async function registerAssets(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/assets/',
    preCompressed: true,
    immutable: true,
    maxAge: '365d',
    index: false,
    list: false,
    allowedPath: (path) => !path.endsWith('manifest.json'),
  });
}
