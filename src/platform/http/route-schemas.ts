/**
 * The TypeBox pieces the HTML routes declare their params, query strings and form bodies with
 * (through @fastify/type-provider-typebox, so handlers read typed values without casts). They are
 * hidden from the OpenAPI document (platform/api/openapi.ts describes /api only).
 *
 * Kind to people: a path of the wrong form is a 404 page (platform/api/validation.ts), but query
 * values and form fields are loose strings — a page's own filters and a form's per-field French
 * messages stay the handlers' work; a schema never turns what a person typed into an error page.
 */
import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';

/** A uuid in a path (accounts, applications, imports…). */
export const Uuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', maxLength: 36 });

/** An authority's identifier in a path (`brest`). */
export const TenantId = Type.String({ pattern: '^[a-z0-9-]{1,60}$', maxLength: 60 });

/** A slug in a path (pages, aids, datasets…): lower-case letters, digits and hyphens. */
export const Slug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,159}$', maxLength: 160 });

/** A positive whole number in a path (a version, a step), at most 9 digits. */
export const Digits = Type.String({ pattern: '^[0-9]{1,9}$', maxLength: 9 });

/** A ROME job code (`M1805`). */
export const RomeCode = Type.String({ pattern: '^[A-Z][0-9]{4}$', maxLength: 5 });

/** A short identifier of a form or a field (letters, digits, `_`, `-`, `.`). */
export const Key = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$', maxLength: 100 });

/** The params of a route: `Params({ id: Uuid })`. */
export const Params = <T extends TProperties>(properties: T) => Type.Object(properties);

/** The names of a form's text fields, each optional: `...TextFields(["nom", "commune"])`. */
export const TextFields = <const N extends string>(names: readonly N[]) => Object.fromEntries(names.map((name) => [name, Text])) as { [K in N]: typeof Text };

/** The names of fields a form may repeat (checkboxes), each optional: one value or several. */
export const ListFields = <const N extends string>(names: readonly N[]) => Object.fromEntries(names.map((name) => [name, TextList])) as { [K in N]: typeof TextList };

/** `/admin/t/:tenant…` and `/collectivites/:tenant…`. */
export const TenantParams = Params({ tenant: TenantId });

/**
 * A GET route that reads nothing from its query string: any parameter (a campaign tag, a cache
 * buster) is let through and ignored, as before.
 */
export const NoQuery = Type.Object({});

/** One optional query value or form field, as typed: the handler judges its content. */
export const Text = Type.Optional(Type.String());

/** A field that a form may repeat (checkboxes, multiple choices): one value or several. */
export const TextList = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));

/** A file of a multipart form (a Buffer, platform/http/multipart.ts), or what was sent instead. */
export const FileField = Type.Optional(Type.Unsafe<Buffer | string>({ description: 'Un fichier envoyé.' }));

/** The query string of a page: the values it reads, optional; others are let through. */
export const Query = <T extends TProperties>(properties: T) => Type.Object(properties);

/**
 * The fields a form sends (urlencoded or multipart), with its CSRF token. Fields it does not
 * know are dropped before the handler (Ajv's removeAdditional), never an error.
 */
export const FormBody = <T extends TProperties>(properties: T) => Type.Object({ _csrf: Text, ...properties }, { additionalProperties: false });

/** A form with fields named by data (a form builder's questions, a questionnaire's answers). */
export const OpenForm = <T extends TProperties>(properties: T) => Type.Object({ _csrf: Text, ...properties }, { additionalProperties: true });

/** The fields of a form schema, as its handler reads them. */
export type Fields<T extends TSchema> = Static<T>;
