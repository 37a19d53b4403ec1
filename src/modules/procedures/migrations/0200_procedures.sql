-- The national procedures of service-public.fr (DILA, « Vos droits et démarches »): sheets and online
-- services, loaded from the open data copy in seed/data/service-public/ by the seed and by
-- `npm run reindex` (never downloaded at run time). A late-2020 extract: Guichet shows titles,
-- introductions and links to the live pages, never the law itself.
create table procedures (
  id text primary key,                      -- DILA id: F1341 (sheet), N358 (dossier), R45668 (online service)
  kind text not null,                       -- fiche, question-réponse, dossier, … ; téléservice, simulateur
  audience text not null,                   -- particuliers | professionnels | associations
  title text not null,
  intro text not null default '',           -- DILA's own first paragraph (≤ 300 characters), quoted as such
  theme text not null default '',           -- first level of the site's breadcrumb, e.g. « Papiers - Citoyenneté »
  url text not null,                        -- the live page on service-public.fr, or the online service itself
  online_services jsonb not null default '[]',  -- [{id, title, url, kind}] the online services a sheet links to
  source_date text not null check (source_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')  -- when DILA last changed it
);
