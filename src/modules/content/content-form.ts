import type { FieldErrors } from '../../platform/views/form';
import { MAX_IMAGE_BYTES, sniffImage, type ImageType } from './images';
import { SLUG_MAX, SLUG_PATTERN, slugify } from './slug';
import type { ContentKind } from './tables';

/** What the person typed, kept as typed so that the form can be shown again. */
export interface ContentFormValues {
  title: string;
  slug: string;
  summary: string;
  body: string;
  tags: string;
  image_alt: string;
  image_decorative: boolean;
  image_remove: boolean;
  /** An image already received with a form that had errors, so it is not asked for again. */
  image_pending: string;
  /** A page reserved to orientation professionals (issue 15 d.10). */
  pro_only: boolean;
}

export const contentLabels: Record<string, string> = {
  title: 'Titre',
  slug: 'Adresse de la page',
  summary: 'Résumé',
  body: 'Texte',
  image: 'Image',
  image_alt: "Description de l'image (texte alternatif)",
  tags: 'Étiquettes',
};

export const KIND_WORDS: Record<ContentKind, { one: string; the: string; a: string }> = {
  page: { one: 'page', the: 'la page', a: 'une page' },
  news: { one: 'actualité', the: "l'actualité", a: 'une actualité' },
};

export interface ParsedContentForm {
  values: ContentFormValues;
  errors: FieldErrors;
  /** The slug to save (typed, or made from the title). */
  slug: string;
  tags: string[];
  upload?: { bytes: Buffer; type: ImageType } | undefined;
}

function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  return typeof value === 'string' ? value : '';
}

/** Reads and checks every field; rules that need the database (duplicate slug) are in the service. */
export function parseContentForm(body: Record<string, unknown>): ParsedContentForm {
  const values: ContentFormValues = {
    title: text(body.title).trim(),
    slug: text(body.slug).trim().toLowerCase(),
    summary: text(body.summary).trim(),
    body: text(body.body).replace(/\r\n/g, '\n'),
    tags: text(body.tags).trim(),
    image_alt: text(body.image_alt).trim(),
    image_decorative: text(body.image_decorative) === 'oui',
    image_remove: text(body.image_remove) === 'oui',
    image_pending: text(body.image_pending).trim(),
    pro_only: text(body.pro_only) === 'oui',
  };
  const errors: FieldErrors = {};

  if (!values.title) errors.title = 'Saisissez un titre.';
  else if (values.title.length > 200) errors.title = 'Le titre doit faire 200 caractères au plus.';

  const slug = values.slug || slugify(values.title);
  if (values.slug && (!SLUG_PATTERN.test(values.slug) || values.slug.length > SLUG_MAX)) {
    errors.slug = `L'adresse ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets, sans tiret au début ni à la fin (${SLUG_MAX} caractères au plus), par exemple : vos-demarches-en-ligne.`;
  } else if (!slug && values.title) {
    errors.slug = "Le titre ne contient ni lettre ni chiffre : saisissez l'adresse de la page, par exemple : vos-demarches-en-ligne.";
  }

  if (values.summary.length > 300) errors.summary = 'Le résumé doit faire 300 caractères au plus.';
  if (values.body.length > 50_000) errors.body = 'Le texte doit faire 50 000 caractères au plus.';

  // Deduplicated without regard to case; the first spelling wins.
  const seen = new Set<string>();
  const tags = values.tags
    .split(',')
    .map((t) => t.trim().replace(/\s+/g, ' '))
    .filter((t) => t && !seen.has(t.toLocaleLowerCase('fr')) && seen.add(t.toLocaleLowerCase('fr')));
  if (tags.length > 10) errors.tags = 'Mettez 10 étiquettes au plus.';
  else if (tags.some((t) => t.length > 40)) errors.tags = 'Chaque étiquette doit faire 40 caractères au plus.';

  let upload: ParsedContentForm['upload'];
  const file = Array.isArray(body.image) ? body.image[0] : body.image;
  if (Buffer.isBuffer(file) && file.length > 0) {
    const type = sniffImage(file);
    if (file.length > MAX_IMAGE_BYTES) errors.image = "L'image est trop lourde : elle doit faire 2 Mo au plus.";
    else if (!type) errors.image = "Le fichier n'est pas une image PNG, JPEG ou WebP. Choisissez une image dans l'un de ces formats.";
    else upload = { bytes: file, type };
  }
  if (values.image_alt.length > 250) errors.image_alt = 'La description doit faire 250 caractères au plus.';

  return { values, errors, slug, tags, upload };
}

/** The rule of the alternative text, once it is known whether the item will have an image. */
export function checkAlt(parsed: ParsedContentForm, hasImage: boolean): void {
  if (hasImage && !parsed.values.image_decorative && !parsed.values.image_alt && !parsed.errors.image_alt) {
    parsed.errors.image_alt = "Décrivez l'image en quelques mots pour les personnes qui ne la voient pas, ou cochez « Image décorative ».";
  }
}
