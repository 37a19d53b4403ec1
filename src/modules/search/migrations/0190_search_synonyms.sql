-- Acronyms and everyday words of the one search (issue 13, point 3): a query word or phrase that
-- is an entry's term also matches its equivalents (and, when two_way, an equivalent also matches
-- the term and the other equivalents). tenant_id null: the whole platform's list, kept by the
-- Région's agents; a tenant's own entries apply to searches made from its space only.
create table search_synonyms (
  id uuid primary key default gen_random_uuid(),
  tenant_id text references platform_tenants (id) on delete cascade,
  term text not null,                 -- as written: « carte grise », « RSA »
  term_key text not null,             -- its words, lower case, without accents: « carte grise », « rsa »
  equivalents text[] not null,        -- « certificat d'immatriculation »
  two_way boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index search_synonyms_term on search_synonyms (coalesce(tenant_id, ''), term_key);

-- Every instance reloads the list when it changes (platform/db/changes.ts).
create trigger search_synonyms_notify_change after insert or update or delete or truncate on search_synonyms
  for each statement execute function platform_notify_change();

-- The platform's defaults: real acronyms and everyday words of French public services.
insert into search_synonyms (term, term_key, equivalents, two_way) values
  ('RSA', 'rsa', array['revenu de solidarité active'], true),
  ('APL', 'apl', array['aide personnalisée au logement', 'aides au logement'], true),
  ('ALS', 'als', array['allocation de logement sociale'], true),
  ('CAF', 'caf', array['caisse d''allocations familiales'], true),
  ('QF', 'qf', array['quotient familial'], true),
  ('PMR', 'pmr', array['personne à mobilité réduite', 'mobilité réduite'], true),
  ('carte grise', 'carte grise', array['certificat d''immatriculation'], true),
  ('BAFA', 'bafa', array['brevet d''aptitude aux fonctions d''animateur'], true),
  ('BAFD', 'bafd', array['brevet d''aptitude aux fonctions de directeur'], true),
  ('CPF', 'cpf', array['compte personnel de formation'], true),
  ('RQTH', 'rqth', array['reconnaissance de la qualité de travailleur handicapé'], true),
  ('AAH', 'aah', array['allocation aux adultes handicapés'], true),
  ('MDPH', 'mdph', array['maison départementale des personnes handicapées'], true),
  ('CCAS', 'ccas', array['centre communal d''action sociale'], true),
  ('chômage', 'chomage', array['France Travail', 'demandeur d''emploi'], false),
  ('Pôle emploi', 'pole emploi', array['France Travail'], true),
  ('mutuelle', 'mutuelle', array['complémentaire santé'], true),
  ('CSS', 'css', array['complémentaire santé solidaire'], true),
  ('CMU', 'cmu', array['complémentaire santé solidaire'], false),
  ('APA', 'apa', array['allocation personnalisée d''autonomie'], true),
  ('PCH', 'pch', array['prestation de compensation du handicap'], true),
  ('AEEH', 'aeeh', array['allocation d''éducation de l''enfant handicapé'], true),
  ('ARS', 'ars', array['allocation de rentrée scolaire', 'agence régionale de santé'], false),
  ('ASF', 'asf', array['allocation de soutien familial'], true),
  ('ASS', 'ass', array['allocation de solidarité spécifique'], true),
  ('CEJ', 'cej', array['contrat d''engagement jeune'], true),
  ('FSL', 'fsl', array['fonds de solidarité pour le logement'], true),
  ('CNI', 'cni', array['carte nationale d''identité', 'carte d''identité'], true),
  ('EHPAD', 'ehpad', array['maison de retraite', 'hébergement pour personnes âgées dépendantes'], true),
  ('VAE', 'vae', array['validation des acquis de l''expérience'], true),
  ('HLM', 'hlm', array['logement social', 'habitation à loyer modéré'], true),
  ('AME', 'ame', array['aide médicale de l''État'], true),
  ('mairie', 'mairie', array['hôtel de ville'], true),
  ('cantine', 'cantine', array['restauration scolaire'], true),
  ('crèche', 'creche', array['accueil du jeune enfant', 'multi-accueil'], true),
  ('impôts', 'impots', array['finances publiques'], false),
  ('vélo', 'velo', array['bicyclette'], true);
