#!/usr/bin/env python3
"""
Converts, once, the part of the aides-jeunes catalogue that Guichet seeds into a committed JSON
file, so that nothing parses YAML when Guichet starts.

    python3 seed/aids/convert_aides_jeunes.py ../shared/data/aides-jeunes

Writes seed/data/aides-jeunes/benefits.json: the facts only (names, structured conditions,
amounts, links, institutions), never the descriptions nor the free-text conditions of the
source (Guichet writes its own). Needs PyYAML (Debian: python3-yaml).
"""
import csv, glob, json, os, sys
import yaml

src = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/aides-jeunes'
here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, '..', 'data', 'aides-jeunes', 'benefits.json')
epci_csv = os.path.join(src, '..', 'bretagne-communes-epci', 'bretagne_epci_2024.csv')


class Loader(yaml.SafeLoader):
    pass


# One file has `operator: =`, which YAML 1.1's !!value resolver refuses.
Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != 'tag:yaml.org,2002:value'] for k, v in Loader.yaml_implicit_resolvers.items()
}


def load(path):
    with open(path, encoding='utf-8') as f:
        return yaml.load(f, Loader=Loader)


institutions = {os.path.basename(p)[:-4]: load(p) for p in glob.glob(os.path.join(src, 'institutions', '*.yml'))}
bretagne_files = {b['file'] for b in json.load(open(os.path.join(src, 'bretagne_benefits.json'), encoding='utf-8'))}
GEO = {'regions', 'departements', 'communes', 'epcis', 'attached_to_institution', 'codes_postaux', 'excluded_epcis'}
NATIONAL_OTHERS = {'fonds-daction-sociale-du-travail-temporaire-fastt'}

KEEP = ['label', 'type', 'unit', 'periodicite', 'montant', 'legend', 'link', 'teleservice', 'form', 'instructions']


def institution(slug):
    i = institutions.get(slug, {})
    return {
        'slug': slug,
        'name': i.get('name', slug),
        'type': i.get('type', 'autre'),
        'code_insee': str(i['code_insee']) if i.get('code_insee') is not None else None,
        'code_siren': str(i['code_siren']) if i.get('code_siren') is not None else None,
        'departments': [str(d) for d in i.get('departments', []) or []],
    }


def text_conditions(value):
    return bool(value) and any(isinstance(c, str) and c.strip() for c in value)


benefits = []
for engine in ('javascript', 'openfisca'):
    for path in sorted(glob.glob(os.path.join(src, 'benefits', engine, '*.yml'))):
        rel = os.path.relpath(path, src)
        b = load(path)
        inst = institution(b['institution'])
        geo = [c for c in b.get('conditions_generales') or [] if c.get('type') in GEO]
        breton = rel in bretagne_files
        national = (inst['type'] in ('national', 'europeen') and not geo) or inst['slug'] in NATIONAL_OTHERS
        if not (breton or national):
            continue
        record = {
            'id': os.path.basename(path)[:-4],
            'file': rel,
            'engine': engine,
            'scope': 'bretagne' if breton else 'national',
            'institution': inst,
            'conditions_generales': b.get('conditions_generales') or [],
            'profils': b.get('profils') or [],
            'has_text_conditions': text_conditions(b.get('conditions')),
        }
        for key in KEEP:
            if b.get(key) not in (None, ''):
                record[key] = b[key]
        benefits.append(record)

# Car-pooling incentives of the Breton intercommunalities (generated per EPCI by aides-jeunes).
breton_epci = {row['siren']: row['raison_sociale'] for row in csv.DictReader(open(epci_csv, encoding='utf-8'))}
covoiturage = [
    {**entry, 'epci_name': breton_epci[entry['code_siren']]}
    for entry in json.load(open(os.path.join(src, 'benefits', 'dynamic', 'incitations-covoiturage.json'), encoding='utf-8'))
    if entry['code_siren'] in breton_epci
]

with open(out, 'w', encoding='utf-8') as f:
    json.dump({'benefits': benefits, 'covoiturage': covoiturage}, f, ensure_ascii=False, indent=1)
    f.write('\n')
print(f'{len(benefits)} benefits, {len(covoiturage)} car-pooling incentives -> {os.path.relpath(out)}')
