-- The glossary (issue 14, point 10): the words of public services in plain words, on /glossaire,
-- and the first use of a term in a public page's main text linked to its entry.
-- tenant_id null: the Région's terms, used everywhere; a tenant's own terms add to them (or
-- explain a term differently) in its own space.
create table glossary_terms (
  id uuid primary key default gen_random_uuid(),
  tenant_id text references platform_tenants (id) on delete cascade,
  term text not null,                 -- as written in pages: « QF », « pièce justificative »
  slug text not null,                 -- the anchor on /glossaire: « qf », « piece-justificative »
  long_form text not null default '', -- for a sigle, its words: « quotient familial »
  definition text not null,           -- in plain words
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index glossary_terms_slug on glossary_terms (coalesce(tenant_id, ''), slug);

-- Pages that link terms are kept rendered: every instance forgets them when the list changes.
create trigger glossary_terms_notify_change after insert or update or delete or truncate on glossary_terms
  for each statement execute function platform_notify_change();

insert into glossary_terms (term, slug, long_form, definition) values
  ('AAH', 'aah', 'allocation aux adultes handicapés', 'Une somme d’argent versée chaque mois aux adultes qui ont un handicap et peu de revenus. On la demande à la MDPH, la CAF ou la MSA la verse.'),
  ('APL', 'apl', 'aide personnalisée au logement', 'Une aide pour payer le loyer ou le prêt de son logement. Elle est versée par la CAF ou la MSA, souvent directement au propriétaire.'),
  ('CAF', 'caf', 'caisse d’allocations familiales', 'L’organisme public qui verse les aides pour la famille, le logement, le RSA ou l’AAH. Il y a une CAF par département.'),
  ('Carif-Oref', 'carif-oref', 'centre d’animation, de ressources et d’information sur la formation – observatoire régional emploi formation', 'L’organisme de la Région qui recense toutes les formations près de chez vous et informe sur les métiers et l’emploi.'),
  ('CIO', 'cio', 'centre d’information et d’orientation', 'Un lieu public et gratuit où des psychologues de l’Éducation nationale aident les jeunes et leur famille à choisir des études ou un métier.'),
  ('commune', 'commune', '', 'La plus petite collectivité : la ville ou le village, avec son maire et son conseil municipal. C’est elle qui s’occupe de l’état civil, des écoles maternelles et primaires, de la voirie.'),
  ('CPF', 'cpf', 'compte personnel de formation', 'Un compte en euros, ouvert à chaque personne qui travaille ou a travaillé, pour payer une formation. On le consulte sur le site « Mon compte formation ».'),
  ('département', 'departement', '', 'Une collectivité entre la commune et la Région, par exemple le Finistère. Le Département s’occupe surtout de l’aide sociale : RSA, personnes âgées, handicap, protection de l’enfance, et des collèges.'),
  ('dossier', 'dossier', '', 'L’ensemble de votre demande : ce que vous avez répondu, les pièces justificatives envoyées, et les messages échangés. Il a un numéro pour le retrouver.'),
  ('EPCI', 'epci', 'établissement public de coopération intercommunale', 'Un groupe de communes qui travaillent ensemble (communauté de communes, communauté d’agglomération, métropole), par exemple pour les déchets, l’eau ou les transports.'),
  ('FranceConnect', 'franceconnect', '', 'Un bouton de l’État pour vous connecter à un service public avec un compte que vous avez déjà (impots.gouv.fr, ameli.fr, La Poste…), sans créer un nouveau mot de passe.'),
  ('France Services', 'france-services', '', 'Des lieux près de chez vous où une personne vous aide gratuitement à faire vos démarches (impôts, CAF, retraite, carte grise…), sur place ou en ligne.'),
  ('instruction', 'instruction', '', 'Le temps où un agent étudie votre demande : il vérifie vos réponses et vos pièces, peut vous demander un document en plus, puis décide.'),
  ('mandat', 'mandat', '', 'Un accord écrit par lequel vous autorisez une autre personne (un proche, un aidant de France Services) à faire une démarche à votre place.'),
  ('Mission locale', 'mission-locale', '', 'Un lieu qui accompagne gratuitement les jeunes de 16 à 25 ans pour trouver un emploi, une formation, un logement ou se soigner.'),
  ('MSA', 'msa', 'mutualité sociale agricole', 'La sécurité sociale des personnes qui travaillent dans l’agriculture. Pour elles, elle verse les aides à la place de la CAF et rembourse les soins.'),
  ('NAF', 'naf', 'nomenclature d’activités française', 'Un code de l’INSEE qui dit ce que fait une entreprise (par exemple 56.10A pour la restauration). On l’appelle aussi code APE.'),
  ('pièce justificative', 'piece-justificative', '', 'Un document qui prouve ce que vous dites dans votre demande : avis d’imposition, justificatif de domicile, relevé d’identité bancaire (RIB)…'),
  ('PMR', 'pmr', 'personne à mobilité réduite', 'Une personne qui a du mal à se déplacer : en fauteuil roulant, avec une canne, avec une poussette, ou âgée. Un lieu « accessible PMR » est adapté pour elle.'),
  ('QF', 'qf', 'quotient familial', 'Un nombre calculé avec les revenus et la taille de la famille. Plus il est petit, plus les aides ou les réductions (cantine, transport) sont grandes. La CAF l’indique sur votre attestation.'),
  ('Région', 'region', '', 'La plus grande collectivité, par exemple la Région Bretagne. Elle s’occupe des lycées, des transports entre les villes (trains, cars), de la formation des adultes et de l’aide aux entreprises.'),
  ('RNCP', 'rncp', 'répertoire national des certifications professionnelles', 'La liste officielle des diplômes et titres reconnus par l’État. Une formation inscrite au RNCP mène à une certification qui compte partout en France.'),
  ('ROME', 'rome', 'répertoire opérationnel des métiers et des emplois', 'La liste des métiers de France Travail : chaque métier a un code (par exemple K2111 pour formateur), utilisé pour chercher un emploi ou une formation.'),
  ('RSA', 'rsa', 'revenu de solidarité active', 'Une somme d’argent versée chaque mois aux personnes qui n’ont pas ou peu de revenus, pour vivre et être aidées à trouver un travail. Le Département le finance, la CAF ou la MSA le verse.'),
  ('SIRET', 'siret', 'système d’identification du répertoire des établissements', 'Un numéro de 14 chiffres qui identifie chaque lieu d’une entreprise ou d’une association. Les 9 premiers chiffres sont le SIREN, le numéro de l’entreprise.'),
  ('MDPH', 'mdph', 'maison départementale des personnes handicapées', 'Le lieu, dans chaque département, où l’on demande les aides liées au handicap : AAH, carte mobilité inclusion, aide pour un aménagement.'),
  ('quotient familial', 'quotient-familial', '', 'Voir QF : un nombre calculé avec les revenus et la taille de la famille, qui fixe le montant de certaines aides.'),
  ('France Travail', 'france-travail', '', 'Le service public de l’emploi (avant : Pôle emploi). Il inscrit les personnes qui cherchent un emploi, les aide et leur verse les allocations chômage.'),
  ('collectivité', 'collectivite', '', 'Une commune, un groupe de communes (EPCI), un département ou une région : elle a des élus et décide pour son territoire.');
