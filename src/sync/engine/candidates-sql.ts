/**
 * The query of the SQL function sync_client_candidates (migration 1796191000000): the clients a
 * page's records may match, by country and normalised org number or by normalised VAT number, in
 * the transaction's tenant. The expressions are those of the indexes
 * IDX_client_tenant_country_normalised_org and IDX_client_tenant_normalised_vat: keep them the same.
 * A later change of the function is a new migration; this is what that migration created.
 */
const ORG = `upper(regexp_replace(coalesce(c.org_number, ''), '[^0-9A-Za-z]', '', 'g'))`;
const VAT = `upper(regexp_replace(coalesce(c.vat_number, ''), '[\\s.\\-]', '', 'g'))`;

/** The function's query, with its three arrays named as given (a test explains it with $1..$3). */
export function syncClientCandidatesBody(countries: string, orgs: string, vats: string): string {
  // One index probe per key: lateral subqueries kept apart by OFFSET 0 (else the planner flattens
  // them into a hash join over every client, as it costs regexp_replace like a comparison), without
  // a tenant condition (else a stale planner reads the tenant through a tenant_id index per key).
  return `
        SELECT m.id, m.country_code, m.org, m.vat FROM unnest(${countries}, ${orgs}) AS k(country, org)
          CROSS JOIN LATERAL (SELECT c.tenant_id, c.id, c.country_code::text AS country_code, ${ORG} AS org, ${VAT} AS vat FROM client c
                               WHERE c.country_code = k.country AND ${ORG} = k.org OFFSET 0) AS m
         WHERE m.tenant_id = current_setting('app.tenant_id', true)
        UNION
        SELECT m.id, m.country_code, m.org, m.vat FROM unnest(${vats}) AS v(vat)
          CROSS JOIN LATERAL (SELECT c.tenant_id, c.id, c.country_code::text AS country_code, ${ORG} AS org, ${VAT} AS vat FROM client c
                               WHERE ${VAT} = v.vat OFFSET 0) AS m
         WHERE m.tenant_id = current_setting('app.tenant_id', true)`;
}

