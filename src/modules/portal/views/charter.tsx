import type { MeasuredPair } from '../../../platform/assets/palette';
import { Badge, Breadcrumb, Notice, Pagination, type BadgeTone } from '../../../platform/views/components';
import { formatDay, formatEuros } from '../../../platform/views/format';
import { ErrorSummary, TextField } from '../../../platform/views/form';

const SPACES = [
  { token: 'space-1', rem: 0.25 },
  { token: 'space-2', rem: 0.5 },
  { token: 'space-3', rem: 1 },
  { token: 'space-4', rem: 1.5 },
  { token: 'space-5', rem: 2.5 },
  { token: 'space-6', rem: 4 },
];

const BADGES: Array<{ tone: BadgeTone; examples: string }> = [
  { tone: 'success', examples: 'Ouverte, Acceptée, Instructeur' },
  { tone: 'warning', examples: 'Bientôt close, Documents demandés, Administrateur' },
  { tone: 'error', examples: 'Close, Refusée' },
  { tone: 'info', examples: 'Déposée, En cours d’examen, Éditeur' },
  { tone: 'neutral', examples: 'Pas encore ouverte, Retirée, Lecteur' },
];

/**
 * A sample of a colour pair: one small SVG image as a data: URI (one element per sample, and no
 * style attribute, which the CSP forbids). A text pair shows « Aa », a border pair a frame.
 */
export function sampleUri(pair: { fgHex: string; bgHex: string; min: number }): string {
  const mark =
    pair.min === 3
      ? `<rect x="10" y="8" width="36" height="16" rx="3" fill="none" stroke="${pair.fgHex}" stroke-width="2"/>`
      : `<text x="28" y="22" text-anchor="middle" font-family="system-ui,sans-serif" font-size="16" font-weight="700" fill="${pair.fgHex}">Aa</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="56" height="32"><rect x="0.5" y="0.5" width="55" height="31" rx="4" fill="${pair.bgHex}" stroke="#d8dde3"/>${mark}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function bar(px: number): string {
  return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="${px}" height="16"><rect width="${px}" height="16" fill="#4f5866"/></svg>`)}`;
}

/** The living page of the common charter: every value below is read from the CSS and computed. */
export function CharterPage({ pairs, tenantName, accent }: { pairs: MeasuredPair[]; tenantName: string; accent: string }) {
  const failing = pairs.filter((p) => !p.ok).length;
  return (
    <>
      <p class="lead">
        La charte commune de Guichet : les couleurs et leurs contrastes, la typographie, les espacements et chaque composant, tels
        qu’ils s’affichent sur toutes les pages. Cette page utilise la couleur de {tenantName} ({accent}).
        Elle suit les règles d’accessibilité (RGAA, WCAG 2.1 AA) sans reprendre le système de design de l’État, réservé à ses
        sites.
      </p>
      <h2 id="couleurs">Couleurs et contrastes</h2>
      <p>
        Chaque rapport est calculé à partir de la feuille de style, jamais saisi à la main : 4,5:1 au moins pour un texte, 3:1
        pour une bordure ou un contour. {failing === 0 ? 'Toutes les paires respectent leur minimum.' : `${failing} paire(s) sous leur minimum.`}
      </p>
      <ul class="charte-pairs">
        {pairs.map((pair) => (
          <li>
            <img src={sampleUri(pair)} alt="" width={56} height={32} class="charte-swatch" />
            {pair.use} : --{pair.fg} {pair.fgHex} sur --{pair.bg} {pair.bgHex}{' '}
            <Badge tone={pair.ok ? 'success' : 'error'}>
              {`${pair.ratio.toLocaleString('fr-FR')}:1 ${pair.ok ? 'conforme' : 'insuffisant'} (minimum ${pair.min.toLocaleString('fr-FR')}:1)`}
            </Badge>
          </li>
        ))}
      </ul>
      <h2 id="typographie">Typographie</h2>
      <p>Police du système (system-ui), texte courant à 16 px au moins, lignes de 68 caractères au plus, interligne 1,6.</p>
      <div class="charte-sample">
        <p class="h1-sample">Titre de page (niveau 1)</p>
        <p class="h2-sample">Titre de section (niveau 2)</p>
        <p class="h3-sample">Sous-titre (niveau 3)</p>
        <p class="lead charte-lead">Chapeau : une phrase qui résume la page.</p>
        <p>
          Texte courant, avec <a href="#typographie">un lien</a>, <strong>un passage important</strong> et un montant de{' '}
          {formatEuros(1200)} versé le {formatDay('2026-12-03')}.
        </p>
      </div>
      <h2 id="espacements">Espacements</h2>
      <ul class="inline-list">
        {SPACES.map((s) => (
          <li>
            <img src={bar(s.rem * 16)} alt="" width={s.rem * 16} height={16} /> --{s.token} : {s.rem.toLocaleString('fr-FR')} rem
          </li>
        ))}
      </ul>
      <h2 id="composants">Composants</h2>
      <h3>Boutons</h3>
      <p class="actions">
        <button type="button">Action principale</button>
        <button type="button" class="button button--secondary">Action secondaire</button>
        <button type="button" class="button button--danger">Supprimer</button>
        <button type="button" class="link-button">Bouton en lien</button>
      </p>
      <h3>Champs et erreurs</h3>
      <ErrorSummary errors={{ courriel: 'Indiquez une adresse électronique, par exemple nom@exemple.fr.' }} labels={{ courriel: 'Adresse électronique' }} />
      <TextField name="courriel" label="Adresse électronique" hint="Vos courriels de suivi y seront envoyés." error="Indiquez une adresse électronique, par exemple nom@exemple.fr." value="legoff@" />
      <h3>Alertes</h3>
      <Notice title="Information">Les pièces justificatives se déposent en PDF, JPEG ou PNG.</Notice>
      <Notice kind="success" title="C’est fait">Votre demande a été déposée.</Notice>
      <Notice kind="warning" title="Attention">Cette aide ferme dans 12 jours.</Notice>
      <h3>Badges de statut</h3>
      <p>Couleur, mot et forme : un statut ne se lit jamais à la seule couleur.</p>
      <ul class="tags">
        {BADGES.map((b) => (
          <li>
            <Badge tone={b.tone}>{b.examples.split(', ')[0]}</Badge> aussi : {b.examples.split(', ').slice(1).join(', ')}
          </li>
        ))}
      </ul>
      <h3>Étiquettes</h3>
      <ul class="tags">
        <li class="tag">Logement</li>
        <li class="tag">Jeunes</li>
        <li class="tag">Transports et mobilité</li>
      </ul>
      <h3>Cartes</h3>
      <ul class="cards">
        <li class="card">
          <h4><a href="#composants">Pass permis de conduire</a></h4>
          <p class="card__meta">Région Bretagne – {formatDay('2026-12-03')}</p>
          <p>Jusqu’à {formatEuros(1200)} pour passer le permis B.</p>
        </li>
      </ul>
      <h3>Fiche d’une aide</h3>
      <dl class="facts">
        <dt>Demande</dt>
        <dd><Badge tone="success">Ouverte</Badge> Toute l’année.</dd>
        <dt>Montant</dt>
        <dd>jusqu’à {formatEuros(1200)} une fois</dd>
        <dt>Pour qui</dt>
        <dd>Jeunes</dd>
      </dl>
      <h3>Tableau</h3>
      <div class="table-scroll">
        <table class="data-table">
          <caption>Demandes reçues</caption>
          <thead>
            <tr><th scope="col">Référence</th><th scope="col">Déposée le</th><th scope="col">Statut</th></tr>
          </thead>
          <tbody>
            <tr><td>2026-000124</td><td>{formatDay('2026-12-03')}</td><td><Badge tone="info">Déposée</Badge></td></tr>
          </tbody>
        </table>
      </div>
      <h3>Pagination</h3>
      <Pagination page={2} pages={5} href={(p) => `?page=${p}#composants`} label="Exemple de pagination" />
      <h3>Fil d’Ariane</h3>
      <Breadcrumb items={[{ label: 'Accueil', href: '/' }, { label: 'Aides', href: '/aides' }, { label: 'Pass permis de conduire' }]} label="Exemple de fil d’Ariane" />
      <h3>Étapes</h3>
      <ol class="steps" aria-label="Étapes d’une demande">
        <li class="steps__done">Vos informations</li>
        <li aria-current="step">Vos documents</li>
        <li>Vérifier et déposer</li>
      </ol>
      <h3>État vide</h3>
      <div class="empty-state">
        <p>Vous n’avez pas encore de demande.</p>
        <p><a href="/aides/simulateur">Trouver les aides auxquelles vous avez droit</a>, puis déposez une demande en ligne.</p>
      </div>
    </>
  );
}
