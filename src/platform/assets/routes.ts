import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Tenant } from '../db/tables';
import { NotFoundError } from '../http/errors';
import { makeAsset, type Asset } from './bundle';
import { themeCss } from './theme';

const IMMUTABLE = 'public, max-age=31536000, immutable';

function accentHash(accent: string): string {
  return createHash('sha256').update(accent).digest('hex').slice(0, 10);
}

export function themeHref(tenant: Tenant): string {
  return `/static/theme/${tenant.id}.${accentHash(tenant.accent_color)}.css`;
}

/** Sends the best encoding the client accepts. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset, cacheControl = IMMUTABLE) {
  reply.header('content-type', asset.contentType).header('cache-control', cacheControl).header('etag', asset.etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return reply.header('content-encoding', 'br').send(asset.brotli);
  if (/\bgzip\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
  return reply.send(asset.raw);
}

export async function assetRoutes(app: FastifyInstance) {
  const { assets, tenants, db } = app.platform;
  const byHref = new Map([assets.stylesheet, assets.favicon].map((a) => [a.href, a]));
  const themes = new Map<string, Asset>();

  app.get('/static/:file', async (request, reply) => {
    const asset = byHref.get(`/static/${(request.params as { file: string }).file}`);
    if (!asset) throw new NotFoundError();
    return sendAsset(request, reply, asset);
  });

  app.get('/static/theme/:file', async (request, reply) => {
    const match = /^([a-z0-9-]+)\.([0-9a-f]{10})\.css$/.exec((request.params as { file: string }).file);
    const tenant = match ? tenants.get(match[1]!) : undefined;
    if (!match || !tenant) throw new NotFoundError();
    let asset = themes.get(tenant.accent_color);
    if (!asset) {
      asset = makeAsset(`theme-${tenant.id}`, 'css', 'text/css; charset=utf-8', themeCss(tenant.accent_color));
      themes.set(tenant.accent_color, asset);
    }
    const current = match[2] === accentHash(tenant.accent_color);
    return sendAsset(request, reply, asset, current ? IMMUTABLE : 'no-cache');
  });

  // Logos and content images: public by nature; a new upload gets a new id, so ids are immutable.
  app.get('/media/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new NotFoundError();
    const media = await db.selectFrom('platform_media').select(['content_type', 'bytes', 'sha256']).where('id', '=', id).executeTakeFirst();
    if (!media) throw new NotFoundError();
    const etag = `"${media.sha256.slice(0, 16)}"`;
    reply.header('cache-control', IMMUTABLE).header('etag', etag).header('content-type', media.content_type);
    // An SVG opened directly must not run anything, whatever slipped through sanitizing.
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(Buffer.from(media.bytes));
  });
}
