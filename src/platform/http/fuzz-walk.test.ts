/**
 * Walks every route of the built application (every method, tenant host names and
 * /collectivites/<id> addresses) with more than 10,000 malformed requests: broken multipart,
 * NUL and control characters, prototype-polluting and huge keys, duplicate keys, wrong types,
 * invalid UTF-8, over-long values and paths, broken JSON, foreign content types. Half come from a
 * visitor, half from a signed-in administrator, both with a valid CSRF token so that handlers and
 * validators are reached. No answer may be a 5xx, show a stack trace or an English framework
 * message, or lack the security headers; errors are French pages, or problem+json under /api.
 *
 * Deterministic: the seed is printed; FUZZ_SEED=<seed> replays a run, and each failure names
 * its request number, method, host, address and body.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sql, type QueryExecutorProvider } from 'kysely';
import { Agent, buildListeningTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { encodeValue, HOSTILE_VALUES, hostileBody, hostileQuery, RAW_URL_PIECES, seededRandom, type Body, type Random } from '../../../test/support/fuzz';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
/** FUZZ_ROUTES=<regex> narrows the walk to matching "METHOD /pattern" (to replay one failure). */
const ONLY = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : undefined;
const GET_LIKE_VARIANTS = 30;
const BODY_VARIANTS = 48;
const MINIMUM_REQUESTS = 10_000;
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';
/** Routes that end the administrator's session or second factor: walked by the visitor only. */
const VISITOR_ONLY = new Set(['GET /franceconnect/deconnexion', 'HEAD /franceconnect/deconnexion', 'POST /deconnexion', 'POST /admin/deconnexion', 'POST /franceconnect/deconnexion', 'POST /mon-compte/sessions/fermer', 'POST /mon-compte/supprimer', 'POST /mon-compte/double-authentification/desactiver']);
/** Tenant pages that a tenant's own host name serves at the root (platform/tenancy/rewrite.ts). */
const HOST_FORM = /^\/collectivites\/:tenant(\/(?:pages|actualites|plan-du-site|contact)(?:\/.*)?|\/)?$/;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const ENGLISH = /Bad Request|Unsupported Media Type|Internal Server Error|Not Found|Payload Too Large|Request-URI Too|URI Too Long|Client Error|FST_|body must|body\/|querystring must|params\/|must have required property|must be (?:object|string|integer|number)|Body cannot be empty|Unexpected token|is not valid JSON|not a valid url|Route (?:GET|POST|HEAD):|reach (?:files|fields|parts) limit|Boundary not found|Malformed part header|Unexpected end of form/;
const FRENCH = /[àâçéèêëîïôûùüœ’]|\b(?:le|la|les|de|des|du|vous|est|une?|pas|cette|ce|page|demande)\b/i;
const STACK = /\n\s+at [^\n]+:\d+:\d+|\bat (?:async )?[\w$.<>]+ \([^)]*:\d+:\d+\)|\b(?:Type|Reference|Range|Syntax)?Error: /;

interface Walked {
  method: string;
  url: string;
}

interface Caller {
  who: 'visiteur' | 'agent';
  cookie: string;
  token: string;
}

function cookieHeader(agent: Agent): string {
  return ['guichet_session', 'guichet_csrf', 'guichet_mfa']
    .filter((name) => agent.hasCookie(name))
    .map((name) => `${name}=${agent.cookie(name)}`)
    .join('; ');
}

/** Real values for route parameters, so that some requests reach records that exist. */
async function realValues(db: QueryExecutorProvider): Promise<Record<string, string[]>> {
  const ids = async (query: string) => (await sql.raw<{ id: string }>(query).execute(db)).rows.map((r) => String(r.id));
  const aids = await ids("select id from aids where tenant_id = 'brest' or status = 'published' order by id limit 3");
  const contents = await ids("select id from content_items where tenant_id = 'brest' limit 2");
  const applications = await ids('select id from applications limit 2');
  const accounts = await ids('select account_id as id from platform_memberships limit 2');
  const clients = await ids('select id from idp_clients limit 1');
  const slugs = await ids("select slug as id from content_items where tenant_id = 'brest' limit 2");
  return {
    tenant: ['brest'],
    id: [...aids, ...contents, ...applications, SAMPLE_ID],
    account: [...accounts, SAMPLE_ID],
    client: [...clients, SAMPLE_ID],
    ref: [...applications, SAMPLE_ID],
    doc: [SAMPLE_ID],
    importId: [SAMPLE_ID],
    groupe: ['adresse', 'identite', 'foyer'],
    step: ['1', 'identite'],
    version: ['1', '2'],
    slug: slugs.length ? slugs : ['accueil'],
    section: ['identite'],
    field: ['nom'],
    uid: ['abc'],
    file: ['guichet.css'],
  };
}

/** A concrete, often hostile, address for a route pattern. */
function address(random: Random, pattern: string, real: Record<string, string[]>): string {
  return pattern
    .replace(/:(\w+)(\([^)]*\))?/g, (_m, name: string) => {
      if (name === 'tenant' && random.chance(0.8)) return 'brest';
      const roll = random.next();
      if (roll < 0.4) return encodeURIComponent(random.pick(real[name] ?? [SAMPLE_ID]));
      if (roll < 0.7) return random.pick(RAW_URL_PIECES);
      return encodeValue(random, random.pick(HOSTILE_VALUES)) || 'x';
    })
    .replace(/\*$/, () => (random.chance(0.5) ? random.pick(RAW_URL_PIECES) : 'x'));
}

/**
 * The answer's text, less the field names a problem's `errors` echo back (`#/body/0` for a field
 * the request named « body »): they are the request's own words, not a framework's message.
 */
function withoutEchoedNames(response: LightMyRequestResponse): string {
  if (!String(response.headers['content-type'] ?? '').startsWith('application/problem+json')) return response.body;
  let problem: { errors?: unknown };
  try {
    problem = response.json();
  } catch {
    return response.body; // HEAD, or not JSON at all: checked as it is
  }
  if (!Array.isArray(problem.errors)) return response.body;
  return JSON.stringify({ ...problem, errors: problem.errors.map((e: { detail?: unknown }) => e.detail) });
}

function checkAnswer(response: LightMyRequestResponse, method: string, url: string, askedJson: boolean): string | undefined {
  if (response.statusCode >= 500) return `status ${response.statusCode}`;
  const csp = String(response.headers['content-security-policy'] ?? '');
  if (!/frame-ancestors 'none'/.test(csp) || !/default-src 'none'/.test(csp)) return 'no strict CSP';
  if (response.headers['x-content-type-options'] !== 'nosniff') return 'no X-Content-Type-Options';
  if (!response.headers['referrer-policy']) return 'no Referrer-Policy';
  const body = withoutEchoedNames(response);
  if (STACK.test(body)) return `stack trace: ${STACK.exec(body)?.[0]}`;
  if (ENGLISH.test(body)) return `English framework message: ${ENGLISH.exec(body)?.[0]}`;
  if (response.statusCode < 400 || method === 'HEAD') return undefined;
  const type = String(response.headers['content-type'] ?? '');
  if (type.startsWith('application/problem+json')) {
    const problem = response.json() as { title?: string; detail?: string; status?: number };
    if (problem.status !== response.statusCode) return `problem with status ${problem.status}`;
    if (!FRENCH.test(`${problem.title} ${problem.detail}`)) return `problem not in French: ${problem.title}`;
    return undefined;
  }
  if (url.startsWith('/api/') || (askedJson && !type.startsWith('text/html'))) return `API error as ${type}`;
  if (!type.startsWith('text/html')) return `error page as ${type}`;
  if (!/<html lang="fr"/.test(body)) return 'error page not in French';
  return undefined;
}

test('every route survives malformed requests: no 5xx, no stack trace, no English, security headers on every answer', async (t) => {
  // Listening, so that FranceConnect's stand-in (same process) answers the sign-in's discovery.
  const { app, database } = await buildListeningTestApp(t);
  const random = seededRandom(SEED);
  t.diagnostic(`seed ${SEED} (replay with FUZZ_SEED=${SEED})`);
  const real = await realValues(database.db);

  const routes: Walked[] = app.platform.routes.flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method, url: route.url })));
  assert.ok(routes.length > 200, `only ${routes.length} routes: the walk is broken`);

  const admin = await signInAs(app, 'administrateur', 'brest');
  const agent: Caller = { who: 'agent', cookie: cookieHeader(admin), token: csrfTokenFrom((await admin.get('/mon-compte')).body) };
  const visitorAgent = new Agent(app);
  const visitor: Caller = { who: 'visiteur', cookie: '', token: csrfTokenFrom((await visitorAgent.get('/connexion')).body) };
  visitor.cookie = cookieHeader(visitorAgent);

  const failures: string[] = [];
  let sent = 0;
  const send = async (caller: Caller, method: string, url: string, host: string, body: Body | undefined, askedJson = false) => {
    sent++;
    const headers: Record<string, string> = { host, 'x-csrf-token': caller.token };
    if (caller.cookie) headers.cookie = caller.cookie;
    if (body?.contentType) headers['content-type'] = body.contentType;
    if (askedJson) headers.accept = 'application/json';
    const response = await app.inject({ method: method as 'GET', url, headers, ...(body ? { payload: body.payload } : {}) });
    const problem = checkAnswer(response, method, url.split('?')[0]!, askedJson);
    if (problem && failures.length < 40) {
      failures.push(`#${sent} ${caller.who} ${method} ${host}${url.slice(0, 300)} ${body ? `[${body.label}]` : ''} → ${problem}: ${response.body.slice(0, 160).replace(/\s+/g, ' ')}`);
    }
  };

  for (const route of routes) {
    const hasBody = BODY_METHODS.has(route.method);
    const variants = hasBody ? BODY_VARIANTS : GET_LIKE_VARIANTS;
    const hostForm = HOST_FORM.exec(route.url);
    for (let i = 0; i < variants; i++) {
      const caller = i % 2 === 0 || VISITOR_ONLY.has(`${route.method} ${route.url}`) ? visitor : agent;
      let path = address(random, route.url, real);
      let host = 'localhost';
      if (hostForm && random.chance(0.3)) {
        host = 'brest.localhost';
        path = path.replace(/^\/collectivites\/[^/]*/, '') || '/';
      }
      const query = random.chance(0.6) ? `?${hostileQuery(random)}` : '';
      const body = hasBody || random.chance(0.05) ? hostileBody(random, caller.token, route.url.startsWith('/api/')) : undefined;
      const askedJson = random.chance(0.1);
      // Narrowed walks draw the same numbers, so request #n is the same request as in a full walk.
      if (ONLY && !ONLY.test(`${route.method} ${route.url}`)) {
        sent++;
        continue;
      }
      await send(caller, route.method, `${path}${query}`, host, body, askedJson);
    }
  }

  // Addresses that no route pattern produces: undecodable, absolute, over-long, empty segments.
  const strays = ['/%', '/%E0%A4%A', '/aides/%C3%28', '/aides/%FF/calcul', '//', '/./../', `/aides/${'a'.repeat(105)}`, `/aides/${'a'.repeat(5000)}/calcul`, `/${'x'.repeat(20_000)}`, '/?a=%', '/aides?q=%00', '/collectivites/%00/'];
  for (const url of strays) for (const caller of [visitor, agent]) await send(caller, 'GET', url, 'localhost', undefined);

  assert.deepEqual(failures, [], `seed ${SEED}`);
  // The administrator was signed in all along: the walk reached guarded handlers.
  assert.equal((await app.inject({ url: '/admin/t/brest/', headers: { cookie: agent.cookie } })).statusCode, 200, 'the administrator lost their session during the walk');
  t.diagnostic(`${sent} requests on ${routes.length} route methods`);
  if (!ONLY) assert.ok(sent >= MINIMUM_REQUESTS, `only ${sent} requests`);
});
