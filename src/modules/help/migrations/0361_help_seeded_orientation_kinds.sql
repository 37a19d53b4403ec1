-- Three places of the conseillers numériques open data (December 2022) are orientation places:
-- the Mission locale Centre Bretagne and the Maisons de l'emploi of Rosporden and Lesneven
-- (seed/help/orientation-places.ts). A database seeded before migration 0330 keeps them as
-- « médiation numérique » under the dataset's name, because the seed only inserts missing places.
--
-- Only the open data's own rows (no authority owns them: tenant_id is null) still of the old kind
-- are changed, to what the seed writes today: the kind, the plain name, and what one finds there
-- before the digital help. The search index keeps the old title until `npm run reindex`.
update help_places as p
   set kind = r.kind,
       name = r.name,
       services = r.services || p.services,
       updated_at = now()
  from (values
    ('62b3295bdd51e705b180857c', 'mission_locale', 'Mission locale Centre Bretagne', array[
      'Accompagnement des jeunes de 16 à 25 ans qui ne sont plus à l’école',
      'Trouver un emploi, une formation, un apprentissage',
      'Contrat d’engagement jeune',
      'Aide pour le logement, la santé, la mobilité']),
    ('62aaf81a8255a806e299c607', 'maison_emploi', 'Maison de l’emploi de Rosporden', array[
      'Offres d’emploi et aide pour chercher un travail', 'Information sur les métiers et les formations', 'Aide pour le CV et la lettre de motivation']),
    ('62ab25db8255a806e299c9df', 'maison_emploi', 'Maison de l’emploi de Lesneven', array[
      'Offres d’emploi et aide pour chercher un travail', 'Information sur les métiers et les formations', 'Aide pour le CV et la lettre de motivation'])
  ) as r (source_ref, kind, name, services)
 where p.source = 'conseillers-numeriques-2022-12'
   and p.source_ref = r.source_ref
   and p.kind = 'mediation_numerique'
   and p.tenant_id is null;
