/**
 * The database could not be reached at start: one French sentence for the operator, instead of
 * a driver's English stack trace. main.ts prints it and exits with code 1.
 */
export class DatabaseUnreachableError extends Error {}

/** Where the connection string points, without the password: « 127.0.0.1:5432 (base guichet) ». */
function target(connectionString: string): { where: string; base: string } {
  try {
    const url = new URL(connectionString);
    return { where: `${url.hostname || 'localhost'}:${url.port || '5432'}`, base: decodeURIComponent(url.pathname.slice(1)) };
  } catch {
    return { where: 'DATABASE_URL', base: '' };
  }
}

/** The reason in plain French, from the driver's error code (pg, or Node's network errors). */
function reason(error: unknown): string {
  const inner = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  const code = (inner as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connexion refusée';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'nom d’hôte inconnu';
    case 'ETIMEDOUT':
      return 'délai dépassé';
    case 'ECONNRESET':
      return 'connexion interrompue';
    case '28P01':
    case '28000':
      return 'identifiant ou mot de passe refusé';
    case '3D000':
      return 'cette base n’existe pas';
    case '57P03':
      return 'le serveur démarre ou s’arrête';
    default:
      return 'erreur inattendue';
  }
}

export function unreachable(connectionString: string, error: unknown): DatabaseUnreachableError {
  const { where, base } = target(connectionString);
  const named = base ? ` (base « ${base} »)` : '';
  return new DatabaseUnreachableError(
    `Guichet ne peut pas démarrer : la base de données PostgreSQL à ${where}${named} ne répond pas (${reason(error)}). Vérifiez DATABASE_URL et que PostgreSQL est lancé.`,
    { cause: error },
  );
}
