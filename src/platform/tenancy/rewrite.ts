import type { TenantDirectory } from './directory';

/** Paths that live inside a tenant's space; everything else is shared by the whole platform. */
const TENANT_SPACE = /^\/(?:$|[?#]|(?:pages|actualites|plan-du-site|contact|glossaire)(?:[/?#]|$))/;

/**
 * A tenant's space is served at /collectivites/<id>/…; on the portal's host the Région's space
 * is at the root, and on a tenant's own host name (brest.localhost) that tenant's space is.
 */
export function rewriteTenantUrl(directory: TenantDirectory, url: string, host: string | undefined): string {
  if (!TENANT_SPACE.test(url)) return url;
  const tenant = directory.forHost(host) ?? safePortal(directory);
  if (!tenant) return url;
  return `/collectivites/${tenant.id}${url}`;
}

function safePortal(directory: TenantDirectory) {
  try {
    return directory.portal();
  } catch {
    return undefined;
  }
}
