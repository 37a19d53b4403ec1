/** What other modules show to lead to the orientation places (issue 15 c.6): a link, and a « near me » form. */
import { SubmitButton, TextField } from '../../../platform/views/form';
import { ORIENTATION_TYPE } from '../kinds';
import { HELP_PATH } from './search-page';

/** `/aide-de-proximite?type=orientation`, near a commune when one is given. */
export function orientationPlacesHref(commune?: string): string {
  const params = new URLSearchParams(commune ? { commune, type: ORIENTATION_TYPE } : { type: ORIENTATION_TYPE });
  return `${HELP_PATH}?${params.toString()}${commune ? '#resultats' : ''}`;
}

/** A GET form (no JavaScript): the person's commune, then the orientation places near it. */
export function OrientationPlacesForm({ label = 'Votre commune ou code postal' }: { label?: string }) {
  return (
    <form method="get" action={HELP_PATH} class="help-search" aria-label="Chercher un lieu d’orientation près de chez moi">
      <input type="hidden" name="type" value={ORIENTATION_TYPE} />
      <TextField name="commune" label={label} hint="Par exemple : Lorient, ou 56100." autocomplete="address-level2" maxLength={100} />
      <SubmitButton>Trouver un conseiller près de chez moi</SubmitButton>
    </form>
  );
}
