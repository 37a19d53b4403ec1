import { Badge, formatDateTime, Notice, Pagination, type BadgeTone } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, type FieldErrors } from '../../../platform/views/form';
import type { ReportStatus } from '../tables';
import { STATUS_LABELS } from './dataset-page';

const TONES: Record<ReportStatus, BadgeTone> = { nouveau: 'info', en_cours: 'warning', corrige: 'success', rejete: 'neutral' };

export interface ReportRow {
  id: string;
  dataset_id: string;
  object_title: string;
  object_url: string;
  message: string;
  status: ReportStatus;
  answer: string;
  created_at: Date;
  email?: string | null;
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  return <Badge tone={TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}

export function ReportQueue({ base, reports, page, pages, counts }: { base: string; reports: ReportRow[]; page: number; pages: number; counts: Record<ReportStatus, number> }) {
  return (
    <>
      <p>
        Les erreurs que le public a signalées dans vos données : {counts.nouveau} nouvelles, {counts.en_cours} en cours, {counts.corrige} corrigées, {counts.rejete} rejetées.
      </p>
      {reports.length === 0 ? (
        <p class="empty-state">Aucun signalement pour l’instant. Le public signale une erreur par le lien « Signaler une erreur sur cette page », en bas des pages publiques de vos données (pages, aides, lieux, événements…) ; chaque signalement arrive ici.</p>
      ) : (
        <div class="table-scroll">
          <table>
            <caption>Signalements, les plus récents d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Sur</th>
                <th scope="col">Reçu le</th>
                <th scope="col">État</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr>
                  <td>
                    <a href={`${base}/${r.id}`}>{r.object_title}</a>
                  </td>
                  <td>{formatDateTime(r.created_at)}</td>
                  <td>
                    <ReportStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pages={pages} href={(p: number) => `${base}?page=${p}`} />
    </>
  );
}

export function ReportDetail({ action, report, next, values, errors, saved, csrfToken }: {
  action: string;
  report: ReportRow;
  next: ReportStatus[];
  values: { statut: string; reponse: string };
  errors: FieldErrors;
  saved: boolean;
  csrfToken: string;
}) {
  return (
    <>
      {saved ? <Notice kind="success" title="Signalement mis à jour." /> : null}
      <dl>
        <dt>Sur</dt>
        <dd>
          <a href={report.object_url}>{report.object_title}</a>
        </dd>
        <dt>Reçu le</dt>
        <dd>{formatDateTime(report.created_at)}</dd>
        <dt>État</dt>
        <dd>
          <ReportStatusBadge status={report.status} />
        </dd>
        <dt>Adresse pour la réponse</dt>
        <dd>{report.email ?? 'Aucune (la personne ne recevra pas de réponse)'}</dd>
      </dl>
      <h2>Ce qui est signalé</h2>
      <blockquote>
        {report.message.split(/\n+/).map((line) => (
          <p>{line}</p>
        ))}
      </blockquote>
      {report.answer ? (
        <>
          <h2>Votre réponse</h2>
          <p>{report.answer}</p>
        </>
      ) : null}
      {next.length ? (
        <Form action={action} csrfToken={csrfToken}>
          <ErrorSummary errors={errors} labels={{ statut: 'Nouvel état', reponse: 'Réponse' }} />
          <RadioGroup name="statut" legend="Nouvel état" value={values.statut} error={errors.statut} options={next.map((s) => ({ value: s, label: STATUS_LABELS[s] }))} />
          <TextArea
            name="reponse"
            label="Réponse"
            hint={report.email ? 'Envoyée par courriel à la personne quand le signalement est corrigé ou rejeté.' : 'Gardée ici ; la personne n’a pas laissé d’adresse.'}
            value={values.reponse}
            error={errors.reponse}
            rows={4}
          />
          <SubmitButton>Enregistrer</SubmitButton>
        </Form>
      ) : (
        <p>Ce signalement est clos.</p>
      )}
    </>
  );
}
