-- The demo seed once asked, for the aides-jeunes benefits computed by their organisme (OpenFisca),
-- a circular question: « Selon le simulateur de l’organisme, avez-vous droit à cette aide ? »
-- (and before that « Voulez-vous vérifier votre droit auprès de l’organisme ? »). The seed now
-- writes « L’organisme vous a-t-il déjà dit que vous avez droit à cette aide ? » (seed/aids/
-- aides-jeunes.ts), but it only inserts missing aids: a database seeded before keeps the old text.
--
-- Only an aid whose current definition still holds one of the old questions, word for word, as a
-- whole JSON string is changed: an authority that rewrote the question keeps its own words. The
-- change is a new version (history is never rewritten), by no agent (« l’import des données de
-- démonstration » in the aid's history), with the aid's status unchanged.
with changed as (
  update aids
     set definition = replace(replace(definition::text,
           '"Selon le simulateur de l’organisme, avez-vous droit à cette aide ?"',
           '"L’organisme vous a-t-il déjà dit que vous avez droit à cette aide ?"'),
           '"Voulez-vous vérifier votre droit auprès de l’organisme ?"',
           '"L’organisme vous a-t-il déjà dit que vous avez droit à cette aide ?"')::jsonb,
         version = version + 1,
         updated_at = now()
   where strpos(definition::text, '"Selon le simulateur de l’organisme, avez-vous droit à cette aide ?"') > 0
      or strpos(definition::text, '"Voulez-vous vérifier votre droit auprès de l’organisme ?"') > 0
  returning id, version, status, definition
)
insert into aids_versions (aid_id, version, status, definition, created_by)
  select id, version, status, definition, null from changed;
