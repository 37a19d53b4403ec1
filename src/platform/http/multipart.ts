import multipart, { type Multipart, type MultipartFile } from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/** A form that cannot be read: the browser, or whoever sent it, broke its framing. */
export class MalformedFormError extends AppError {
  constructor() {
    super(
      400,
      'malformed_form',
      'Formulaire illisible',
      "Le formulaire envoyé est incomplet ou mal formé. Revenez à la page précédente, rechargez-la puis envoyez-le de nouveau.",
    );
  }
}

type Limits = NonNullable<Parameters<typeof multipart>[1]>['limits'];

/**
 * multipart/form-data bodies become `request.body` as field → value (a string, or a Buffer for a
 * file; an array when a name repeats), like @fastify/multipart's `attachFieldsToBody: 'keyValues'`.
 * We read the parts ourselves so that the parser's own failures (no boundary, a malformed or
 * truncated part: plain errors from busboy, without a status) are known for what they are — the
 * sender's fault, a French 400 — instead of reaching the error handler as server faults (500).
 * The plugin's own limit and prototype errors keep their status (413, 400).
 */
export async function registerMultipart(app: FastifyInstance, limits: Limits) {
  await app.register(multipart, { limits });
  app.addHook('preValidation', async (request) => {
    if (!request.isMultipart()) return;
    try {
      request.body = await readFields(request);
    } catch (error) {
      if (typeof (error as FastifyError).statusCode === 'number' || error instanceof AppError) throw error;
      request.log.info({ reason: (error as Error).message }, 'malformed multipart body');
      throw new MalformedFormError();
    }
  });
}

async function readFields(request: FastifyRequest): Promise<Record<string, unknown>> {
  const options = (request.routeOptions.config as { multipartOptions?: object }).multipartOptions;
  let fields: Record<string, Multipart | Multipart[] | undefined> = {};
  for await (const part of request.parts(options)) {
    fields = part.fields as typeof fields;
    if (part.type === 'file') await part.toBuffer();
  }
  const body: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if (Array.isArray(field)) {
      const values = field.map(valueOf).filter((v) => v !== undefined);
      if (values.length) body[key] = values;
    } else if (field) {
      const value = valueOf(field);
      if (value !== undefined) body[key] = value;
    }
  }
  return body;
}

/** A file of the form: its bytes, and the name it had on the sender's machine. */
export type UploadedFile = Buffer & { uploadedName?: string };

/** The name a sent file had on the person's machine (as their browser gave it), if any. */
export function uploadedName(value: unknown): string | undefined {
  return Buffer.isBuffer(value) ? (value as UploadedFile).uploadedName : undefined;
}

function valueOf(part: Multipart): unknown {
  if (part.type === 'field') return part.value;
  const bytes = (part as MultipartFile & { _buf?: Buffer | null })._buf ?? undefined;
  return bytes ? Object.assign(bytes, { uploadedName: part.filename }) : undefined;
}
