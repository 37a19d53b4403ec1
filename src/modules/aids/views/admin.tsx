import { Notice, Pagination } from '../../../platform/views/components';
import { ErrorSummary, Form, HintAndError, RadioGroup, SelectField, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { FICHE_LABELS, GROUP_KINDS, LEAF_KINDS, isGroup, leafFields, type FicheValues, type FormNode } from '../editor-form';
import {
  AID_TYPES,
  AUDIENCES,
  CONDITION_SITUATIONS,
  DIPLOMA_LEVELS,
  INCOME_BASES,
  PORTEUR_KINDS,
  STUDY_LEVELS,
  TERRITORY_LEVELS,
  THEMES,
} from '../format';
import type { TenantAidRow } from '../store';
import { NAF_FAMILIES } from '../naf';
import { ORGANISATION_TYPES } from '../../profile';
import { formatNumber } from '../../../platform/views/format';

export const aidsAdminBase = (tenantId: string) => `/admin/t/${tenantId}/aides`;
const STATUS = { draft: 'Brouillon', published: 'Publiée' } as const;
const opts = (r: Record<string, string>, empty?: string) => [...(empty !== undefined ? [{ value: '', label: empty }] : []), ...Object.entries(r).map(([value, label]) => ({ value, label }))];

/** Several choices as a native list box (fewer elements than boxes: keeps the page light). */
function MultiSelect({ name, label, hint, error, values, options }: { name: string; label: string; hint?: string; error?: string | undefined; values: string[]; options: Record<string, string> }) {
  const described = [hint ? `aide-${name}` : '', error ? `erreur-${name}` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`champ-${name}`}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select id={`champ-${name}`} name={name} multiple size={Math.min(6, Object.keys(options).length)} aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        {Object.entries(options).map(([value, text]) => (
          <option value={value} selected={values.includes(value)}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The activities of aids/naf.ts by family (a native list box with groups: no script, light). */
function ActivitySelect({ name, error, values }: { name: string; error?: string | undefined; values: string[] }) {
  const hint = `Les organisations qui font l’une de ces activités. ${MULTI_HINT}`;
  const described = [`aide-${name}`, error ? `erreur-${name}` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field field--error' : 'field'}>
      <label for={`champ-${name}`}>Activités</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select id={`champ-${name}`} name={name} multiple size={8} aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        {NAF_FAMILIES.map((family) => (
          <optgroup label={family.label}>
            {family.activities.map((activity) => (
              <option value={activity.code} selected={values.includes(activity.code)}>
                {activity.label} ({activity.code})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

const MULTI_HINT = 'Plusieurs choix possibles : maintenez Ctrl (ou Cmd) en cliquant, ou Maj avec les flèches.';

// ------------------------------------------------------------------ list

export function AidsAdminList(props: { tenantId: string; rows: TenantAidRow[]; total: number; page: number; pages: number; q: string; statut: string; canEdit: boolean; href: (p: number) => string }) {
  const base = aidsAdminBase(props.tenantId);
  return (
    <>
      {props.canEdit ? (
        <p class="actions">
          <a class="button" href={`${base}/nouvelle`}>Créer une aide</a> <a class="button button--secondary" href={`${base}/import`}>Importer un fichier</a>
        </p>
      ) : null}
      <form method="get" action={base} class="aids-search" role="search" aria-label="Chercher parmi les aides">
        <TextField name="q" label="Nom ou identifiant" value={props.q} maxLength={100} />
        <SelectField name="statut" label="État" value={props.statut} options={[{ value: '', label: 'Tous' }, { value: 'draft', label: 'Brouillons' }, { value: 'published', label: 'Publiées' }]} />
        <SubmitButton>Filtrer</SubmitButton>
      </form>
      <h2>{props.total === 0 ? 'Aucune aide' : `${formatNumber(props.total)} aide${props.total > 1 ? 's' : ''}`}</h2>
      {props.rows.length ? (
        <ul class="aids-admin-list">
          {props.rows.map((r) => (
            <li>
              <a href={props.canEdit ? `${base}/${r.id}` : `${base}/${r.id}/apercu`}>{r.name}</a> <span class="muted">({STATUS[r.status]}, version {r.version})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={props.page} pages={props.pages} href={props.href} label="Pages de la liste des aides" />
    </>
  );
}

// ------------------------------------------------------------------ the aid's actions

const MESSAGES: Record<string, string> = {
  cree: 'L’aide est créée (brouillon). Indiquez maintenant ses conditions.',
  enregistre: 'Les changements sont enregistrés.',
  publie: 'L’aide est publiée : elle est visible de tous.',
  depublie: 'L’aide n’est plus publiée : elle redevient un brouillon.',
};

/** After « Rétablir cette version »: what the restored version is, and who sees it now. */
const RESTORED: Record<'draft' | 'published', string> = {
  draft: 'L’ancienne version a été copiée dans une nouvelle version, sans rien effacer. Publiez l’aide pour la mettre en ligne.',
  published: 'L’ancienne version a été copiée dans une nouvelle version, sans rien effacer. L’aide est publiée : cette version est visible du public.',
};

export function AidActions({ tenantId, id, status, csrfToken, message }: { tenantId: string; id: string; status: 'draft' | 'published'; csrfToken: string; message?: string | undefined }) {
  const base = `${aidsAdminBase(tenantId)}/${id}`;
  return (
    <>
      {message === 'retabli' ? <Notice kind="success" title={RESTORED[status]} /> : message && MESSAGES[message] ? <Notice kind="success" title={MESSAGES[message]} /> : null}
      <p>
        État : {STATUS[status]}
        {status === 'published' ? ' (vos changements sont visibles tout de suite)' : ''}. <a href={base}>Fiche</a> · <a href={`${base}/conditions`}>Conditions</a> ·{' '}
        <a href={`${base}/apercu`}>Aperçu</a> · <a href={`${base}/versions`}>Versions</a> · <a href={`${base}/formulaire`}>Formulaire de demande</a>
      </p>
      <Form action={`${base}/${status === 'published' ? 'depublier' : 'publier'}`} csrfToken={csrfToken}>
        <SubmitButton secondary={status === 'published'}>{status === 'published' ? 'Dépublier' : 'Publier'}</SubmitButton>
      </Form>
    </>
  );
}

// ------------------------------------------------------------------ record form

export function FicheForm({ action, values, errors, csrfToken, isNew }: { action: string; values: FicheValues; errors: FieldErrors; csrfToken: string; isNew: boolean }) {
  const t = (name: keyof FicheValues & string, extra: { hint?: string; maxLength?: number; type?: 'url' | 'email' | 'tel' } = {}) => (
    <TextField name={name} label={FICHE_LABELS[name]!} value={values[name] as string} error={errors[name]} {...extra} />
  );
  return (
    <>
      <ErrorSummary errors={errors} labels={FICHE_LABELS} />
      <Form action={action} csrfToken={csrfToken}>
        {isNew ? t('id', { hint: 'En minuscules, chiffres et tirets, par exemple aide-permis-jeunes. Il ne changera plus.', maxLength: 120 }) : null}
        {t('name', { maxLength: 200 })}
        <TextArea name="summary" label={FICHE_LABELS.summary!} hint="400 caractères au plus, en mots simples." value={values.summary} error={errors.summary} rows={3} />
        <TextArea name="description" label={FICHE_LABELS.description!} value={values.description} error={errors.description} rows={4} />
        {t('porteur_name')}
        <SelectField name="porteur_kind" label={FICHE_LABELS.porteur_kind!} value={values.porteur_kind} error={errors.porteur_kind} options={opts(PORTEUR_KINDS, 'Choisir')} />
        {t('porteur_siren')}
        <MultiSelect name="audiences" label={FICHE_LABELS.audiences!} hint={MULTI_HINT} error={errors.audiences} values={values.audiences} options={AUDIENCES} />
        <MultiSelect name="themes" label={FICHE_LABELS.themes!} error={errors.themes} values={values.themes} options={THEMES} />
        <MultiSelect name="aid_types" label={FICHE_LABELS.aid_types!} error={errors.aid_types} values={values.aid_types} options={AID_TYPES} />
        {t('amount_value', { hint: 'Un nombre, ou bien un minimum et un maximum ci-dessous ; laissez vide si le montant dépend de la situation.' })}
        {t('amount_min')}
        {t('amount_max')}
        <SelectField name="amount_unit" label={FICHE_LABELS.amount_unit!} value={values.amount_unit} error={errors.amount_unit} options={[{ value: '€', label: 'euros' }, { value: '%', label: 'pour cent' }]} />
        <SelectField name="amount_period" label={FICHE_LABELS.amount_period!} value={values.amount_period} error={errors.amount_period} options={[{ value: 'once', label: 'une fois' }, { value: 'month', label: 'par mois' }, { value: 'year', label: 'par an' }, { value: 'other', label: 'autre' }]} />
        {t('amount_note')}
        <TextArea name="territory" label={FICHE_LABELS.territory!} hint={`Vide : toute la France. Sinon une zone par ligne : niveau (${Object.keys(TERRITORY_LEVELS).join(', ')}), code, nom. Par exemple : departement 29 Finistère.`} value={values.territory} error={errors.territory} rows={3} />
        <div class="checkbox">
          <input type="checkbox" id="champ-permanent" name="permanent" value="oui" checked={values.permanent} />
          <label for="champ-permanent">{FICHE_LABELS.permanent}</label>
        </div>
        {t('opening', { hint: 'Dates au format AAAA-MM-JJ. Pièces à fournir : une par ligne.' })}
        {t('closing')}
        <SelectField name="recurrence" label={FICHE_LABELS.recurrence!} value={values.recurrence} error={errors.recurrence} options={[{ value: 'permanente', label: 'permanente' }, { value: 'annuelle', label: 'annuelle' }, { value: 'ponctuelle', label: 'ponctuelle' }]} />
        <TextArea name="documents" label={FICHE_LABELS.documents!} value={values.documents} error={errors.documents} rows={3} />
        {t('link', { type: 'url' })}
        {t('apply_url', { type: 'url' })}
        {t('last_verified')}
        {t('contact_url', { type: 'url' })}
        {t('contact_email', { type: 'email' })}
        {t('contact_phone', { type: 'tel' })}
        {t('contact_address')}
        {t('source_dataset')}
        {t('source_reference')}
        {t('source_url', { type: 'url' })}
        <SubmitButton>{isNew ? 'Créer le brouillon' : 'Enregistrer'}</SubmitButton>
      </Form>
    </>
  );
}

// ------------------------------------------------------------------ conditions

function LeafFields({ node, k, errors }: { node: FormNode; k: string; errors: FieldErrors }) {
  const v = (f: string) => (typeof node.fields[f] === 'string' ? (node.fields[f] as string) : '');
  const list = (f: string) => (Array.isArray(node.fields[f]) ? (node.fields[f] as string[]) : []);
  const e = (f: string) => errors[`${k}-${f}`];
  const text = (f: string, label: string, hint?: string) => <TextField name={`${k}-${f}`} label={label} hint={hint} value={v(f)} error={e(f)} maxLength={500} />;
  switch (node.kind) {
    case 'age':
      return <>{text('min', 'Âge minimum (ans)')}{text('max', 'Âge maximum (ans)')}</>;
    case 'residence':
      return (
        <>
          <SelectField name={`${k}-level`} label="Niveau" value={v('level')} error={e('level')} options={opts(TERRITORY_LEVELS, 'Choisir')} />
          {text('codes', 'Codes', 'Séparés par des virgules : codes COG (29, 35238) ou SIREN d’intercommunalité.')}
          {text('names', 'Noms', 'Dans le même ordre, séparés par des virgules (facultatif).')}
        </>
      );
    case 'situation':
      return <MultiSelect name={`${k}-values`} label="Situations" hint={MULTI_HINT} error={e('values')} values={list('values')} options={CONDITION_SITUATIONS} />;
    case 'study_level':
      return <MultiSelect name={`${k}-values`} label="Années d’études" hint={MULTI_HINT} error={e('values')} values={list('values')} options={STUDY_LEVELS} />;
    case 'income':
      return (
        <>
          <SelectField name={`${k}-basis`} label="Revenu pris en compte" value={v('basis')} error={e('basis')} options={opts(INCOME_BASES, 'Choisir')} />
          {text('max', 'Plafond en euros')}
          <SelectField name={`${k}-period`} label="Période" value={v('period')} error={e('period')} options={[{ value: 'month', label: 'par mois' }, { value: 'year', label: 'par an' }]} />
        </>
      );
    case 'diploma':
      return (
        <>
          <SelectField name={`${k}-min`} label="Niveau minimum" value={v('min')} error={e('min')} options={opts(DIPLOMA_LEVELS, 'Aucun')} />
          <SelectField name={`${k}-max`} label="Niveau maximum" value={v('max')} error={e('max')} options={opts(DIPLOMA_LEVELS, 'Aucun')} />
        </>
      );
    case 'household':
      return text('children_min', 'Nombre d’enfants à charge, au moins');
    case 'organisation':
      return (
        <>
          <MultiSelect name={`${k}-kinds`} label="Types d’organisation" hint={MULTI_HINT} error={e('kinds')} values={list('kinds')} options={{ ...ORGANISATION_TYPES, ...Object.fromEntries(list('kinds').filter((kind) => !(kind in ORGANISATION_TYPES)).map((kind) => [kind, kind])) }} />
          <ActivitySelect name={`${k}-naf`} error={e('naf')} values={list('naf')} />
          {text('naf_other', 'Autres codes NAF (facultatif)', 'Pour une activité plus précise que la liste : le code NAF, par exemple 10.71C. Séparés par des virgules.')}
          {text('headcount_min', 'Salariés au moins')}
          {text('headcount_max', 'Salariés au plus')}
        </>
      );
    case 'text':
      return (
        <>
          {text('text', 'La condition, en mots')}
          {text('question', 'La question posée (oui ou non)', 'Par exemple : Êtes-vous en service civique ? Seulement si la condition est bloquante.')}
          <input type="hidden" name={`${k}-origin`} value={v('origin')} />
          <RadioGroup
            name={`${k}-blocking`}
            legend="Guichet doit-il poser la question ?"
            error={e('blocking')}
            value={v('blocking') || 'oui'}
            options={[
              { value: 'oui', label: 'Oui : l’aide reste « à vérifier » tant que la personne n’a pas répondu' },
              { value: 'non', label: 'Non : simple information, « à vérifier aussi sur la page officielle »' },
            ]}
          />
        </>
      );
    default:
      return null;
  }
}

function Node({ node, k, depth, errors }: { node: FormNode; k: string; depth: number; errors: FieldErrors }) {
  const position = k.split('_').slice(1).map((i) => Number(i) + 1).join('.');
  if (isGroup(node.kind)) {
    return (
      <fieldset class="aids-tree-group">
        <legend>{depth === 0 ? 'Conditions de l’aide' : `Groupe ${position}`}</legend>
        {errors[`${k}-kind`] ? <p class="field__error" id={`erreur-${k}-kind`}>{errors[`${k}-kind`]}</p> : null}
        <SelectField name={`${k}-kind`} label="Il faut remplir" value={node.kind} options={opts(GROUP_KINDS)} />
        {node.children.length ? (
          <ol>
            {node.children.map((child, i) => (
              <li>
                <Node node={child} k={`${k}_${i}`} depth={depth + 1} errors={errors} />
              </li>
            ))}
          </ol>
        ) : (
          <p>Aucune condition dans ce groupe.</p>
        )}
        <SelectField name={`${k}-nouvelle`} label={depth === 0 ? 'Nouvelle condition' : `Nouvelle condition dans le groupe ${position}`} value="age" options={opts(LEAF_KINDS)} />
        <p class="actions">
          <SubmitButton name="action" value={`ajouter:${k}`} secondary>
            Ajouter une condition
          </SubmitButton>{' '}
          <SubmitButton name="action" value={`groupe:${k}`} secondary>
            Ajouter un groupe
          </SubmitButton>{' '}
          {depth > 0 ? (
            <SubmitButton name="action" value={`supprimer:${k}`} secondary>
              Supprimer le groupe {position}
            </SubmitButton>
          ) : null}
        </p>
      </fieldset>
    );
  }
  const kind = node.kind as keyof typeof LEAF_KINDS;
  return (
    <fieldset class="aids-tree-leaf">
      <legend>
        Condition {position} : {LEAF_KINDS[kind]}
      </legend>
      <input type="hidden" name={`${k}-kind`} value={kind} />
      {leafFields(kind).length ? <LeafFields node={node} k={k} errors={errors} /> : <p>Pas de précision à donner.</p>}
      <SubmitButton name="action" value={`supprimer:${k}`} secondary>
        Supprimer la condition {position}
      </SubmitButton>
    </fieldset>
  );
}

export function ConditionsForm({ action, tree, errors, csrfToken, summary }: { action: string; tree: FormNode; errors: FieldErrors; csrfToken: string; summary: FieldErrors }) {
  return (
    <>
      <ErrorSummary errors={summary} labels={{}} />
      <p>Les conditions que Guichet vérifie pour dire à une personne si elle a droit à l’aide. Les boutons « Ajouter » et « Supprimer » gardent ce que vous avez écrit ; rien n’est enregistré avant « Enregistrer les conditions ».</p>
      <Form action={action} csrfToken={csrfToken}>
        <Node node={tree} k="r" depth={0} errors={errors} />
        <SubmitButton name="action" value="enregistrer">
          Enregistrer les conditions
        </SubmitButton>
      </Form>
    </>
  );
}

// ------------------------------------------------------------------ import

