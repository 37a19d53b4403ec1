import { createHash } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NoQuery, Params, Uuid } from '../http/route-schemas';
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

/** A fingerprinted file name (`guichet.1a2b3c4d5e.css`, `brest.0123456789.css`). */
const FileParams = Params({ file: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$', maxLength: 120 }) });

export async function assetRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { assets, tenants, db } = app.platform;
  const byHref = new Map([assets.stylesheet, assets.favicon].map((a) => [a.href, a]));
  const themes = new Map<string, Asset>();

  app.get('/static/:file', { schema: { params: FileParams, querystring: NoQuery } }, async (request, reply) => {
    const asset = byHref.get(`/static/${request.params.file}`);
    if (!asset) throw new NotFoundError();
    return sendAsset(request, reply, asset);
  });

  app.get('/static/theme/:file', { schema: { params: FileParams, querystring: NoQuery } }, async (request, reply) => {
    const match = /^([a-z0-9-]+)\.([0-9a-f]{10})\.css$/.exec(request.params.file);
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
  app.get('/media/:id', { schema: { params: Params({ id: Uuid }), querystring: NoQuery } }, async (request, reply) => {
    const { id } = request.params;
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
