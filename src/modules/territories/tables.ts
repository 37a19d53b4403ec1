export type TerritoryTables = {
  territory_regions: { code: string; name: string };
  territory_departements: { code: string; name: string; region_code: string };
  territory_epci: { code: string; name: string; kind: string; population: number | null };
  territory_communes: {
    code: string;
    name: string;
    departement_code: string;
    region_code: string;
    epci_code: string | null;
    postal_codes: string[];
    population: number | null;
  };
  territory_meta: { key: string; value: string };
};
