import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import { SCOPES, type ApiScope } from '../../../platform/http/api-access';
import type { Application } from '../store';
import { formatNumber } from './charts';
import { appPath } from './apps';
import { OPERATOR } from './docs';

export function OperatorList({ applications, totals, csrfToken, done }: {
  applications: Application[];
  totals: Map<string, { requests: number; errors: number }>;
  csrfToken: string;
  done?: string | undefined;
}) {
  return (
    <>
      {done ? <Notice kind="success">{done}</Notice> : null}
      <p>Toutes les applications inscrites, leur utilisation des 30 derniers jours ; une application suspendue voit toutes ses clés refusées (401) jusqu’à sa réactivation.</p>
      <div class="table-scroll">
        <table>
          <caption>Applications de l’API</caption>
          <thead>
            <tr>
              <th scope="col">Application</th>
              <th scope="col">Propriétaire</th>
              <th scope="col">Requêtes (30 j)</th>
              <th scope="col">Erreurs</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => {
              const t = totals.get(a.id) ?? { requests: 0, errors: 0 };
              return (
                <tr>
                  <td>
                    <a href={appPath(a.id)}>{a.name}</a> · <a href={`${OPERATOR}/${a.id}`}>quotas</a>
                  </td>
                  <td>{a.ownerTenantId ? `collectivité ${a.ownerTenantId}` : 'une personne'}</td>
                  <td>{formatNumber(t.requests)}</td>
                  <td>{t.requests ? `${formatNumber((100 * t.errors) / t.requests)} %` : '–'}</td>
                  <td>
                    <Form action={`${OPERATOR}/${a.id}/suspension`} csrfToken={csrfToken}>
                      {a.suspendedAt ? (
                        <>
                          Suspendue{a.suspendedReason ? ` (${a.suspendedReason})` : ''}{' '}
                          <SubmitButton name="action" value="reactiver" secondary>
                            Réactiver {a.name}
                          </SubmitButton>
                        </>
                      ) : (
                        <>
                          <label for={`motif-${a.id}`}>Motif</label> <input id={`motif-${a.id}`} name="motif" maxLength={200} />{' '}
                          <SubmitButton name="action" value="suspendre" secondary>
                            Suspendre {a.name}
                          </SubmitButton>
                        </>
                      )}
                    </Form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export const QUOTA_LABELS: Record<string, string> = { minute: 'Requêtes par minute', jour: 'Requêtes par jour' };

export function QuotaForm({ application, values, errors, csrfToken }: { application: Application; values: Record<string, string>; errors: FieldErrors; csrfToken: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={QUOTA_LABELS} />
      <Form action={`${OPERATOR}/${application.id}`} csrfToken={csrfToken}>
        <h2>Quotas de l’application</h2>
        <TextField name="minute" label="Requêtes par minute" inputMode="numeric" required value={values.minute} error={errors.minute} />
        <TextField name="jour" label="Requêtes par jour" inputMode="numeric" required value={values.jour} error={errors.jour} />
        <h2>Quotas par portée</h2>
        <p>Facultatifs, plus bas que ceux de l’application : laissez vide pour n’en mettre aucun.</p>
        {(Object.keys(SCOPES) as ApiScope[]).map((scope) => (
          <fieldset class="field">
            <legend>
              <code>{scope}</code>
            </legend>
            <TextField name={`minute-${scope}`} label="par minute" inputMode="numeric" value={values[`minute-${scope}`]} error={errors[`minute-${scope}`]} />
            <TextField name={`jour-${scope}`} label="par jour" inputMode="numeric" value={values[`jour-${scope}`]} error={errors[`jour-${scope}`]} />
          </fieldset>
        ))}
        <SubmitButton>Enregistrer les quotas</SubmitButton>
      </Form>
    </>
  );
}
