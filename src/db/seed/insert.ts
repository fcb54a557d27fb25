import type { DataSource, DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { Act } from "../../modules/act/act.entity";
import { BankAccount } from "../../modules/bank-account/bank-account.entity";
import { Client } from "../../modules/client/client.entity";
import { ClientContract } from "../../modules/contract/client-contract.entity";
import { ExternalIdentifier } from "../../modules/external-identifier/external-identifier.entity";
import { ExtraField } from "../../modules/extra-field/extra-field.entity";
import { FactoringLoanContract } from "../../modules/factoring/factoring-loan-contract.entity";
import { FactoringLoanTransaction } from "../../modules/factoring/factoring-loan-transaction.entity";
import { FactoringPurchaseContract } from "../../modules/factoring/factoring-purchase-contract.entity";
import { Invoice } from "../../modules/invoice/invoice.entity";
import { DirectDebitMandate } from "../../modules/mandate/mandate.entity";
import { ClientParameter } from "../../modules/parameter/parameter.entity";
import { Pricelist } from "../../modules/pricelist/pricelist.entity";
import { APP_ROLE, TENANT_SETTING } from "../tenant-session";

type Row<T> = Omit<DeepPartial<T>, "id" | "tenantId" | "clientId" | "client" | "contractId">;

/** A client with everything that hangs off it, as the seed and the test fixtures describe it. */
export interface ClientGraph extends Omit<Row<Client>, "parentId" | "parent"> {
  /** Index (in the same insert call) of the group parent. */
  parentIndex?: number;
  contract?: Row<ClientContract>;
  factoringLoanContract?: Row<FactoringLoanContract> & { transactions?: Row<FactoringLoanTransaction>[] };
  factoringPurchaseContract?: Row<FactoringPurchaseContract>;
  bankAccounts?: Row<BankAccount>[];
  directDebitMandates?: Row<DirectDebitMandate>[];
  parameters?: Row<ClientParameter>[];
  extraFields?: Row<ExtraField>[];
  pricelists?: Row<Pricelist>[];
  externalIdentifiers?: Row<ExternalIdentifier>[];
  invoices?: Row<Invoice>[];
  acts?: Row<Act>[];
}

const CHUNK = 500;

async function insertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await manager.insert(entity, rows.slice(i, i + CHUNK) as never);
    ids.push(...result.identifiers.map((identifier) => String(identifier.id)));
  }
  return ids;
}

/**
 * Inserts client graphs for one tenant, in one transaction run as the app role, so the
 * row-level security policies check every row. Returns the new clients' ids in input order;
 * `onProgress` hears how many clients are written after each chunk of 500.
 */
export async function insertClientGraphs(dataSource: DataSource, tenantId: string, graphs: ClientGraph[], onProgress?: (written: number) => void): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('role', $1, true), set_config('${TENANT_SETTING}', $2, true)`, [APP_ROLE, tenantId]);
    const clientIds: string[] = [];
    for (let start = 0; start < graphs.length; start += CHUNK) {
      const chunk = graphs.slice(start, start + CHUNK);
      const rows = chunk.map((graph) => {
        const {
          parentIndex, contract, factoringLoanContract, factoringPurchaseContract, bankAccounts, directDebitMandates,
          parameters, extraFields, pricelists, externalIdentifiers, invoices, acts, ...client
        } = graph;
        return { ...client, tenantId };
      });
      const ids = await insertRows(manager, Client, rows);
      clientIds.push(...ids);
      const owned = <T>(pick: (g: ClientGraph) => T[] | T | undefined) =>
        chunk.flatMap((graph, i) => {
          const value = pick(graph);
          const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
          return list.map((row) => ({ ...(row as object), tenantId, clientId: ids[i] }));
        });
      await insertRows(manager, ClientContract, owned((g) => g.contract));
      await insertRows(manager, FactoringPurchaseContract, owned((g) => g.factoringPurchaseContract));
      await insertRows(manager, BankAccount, owned((g) => g.bankAccounts));
      await insertRows(manager, DirectDebitMandate, owned((g) => g.directDebitMandates));
      await insertRows(manager, ClientParameter, owned((g) => g.parameters));
      await insertRows(manager, ExtraField, owned((g) => g.extraFields));
      await insertRows(manager, Pricelist, owned((g) => g.pricelists));
      await insertRows(manager, ExternalIdentifier, owned((g) => g.externalIdentifiers));
      await insertRows(manager, Invoice, owned((g) => g.invoices));
      await insertRows(manager, Act, owned((g) => g.acts));
      const loans = owned((g) => (g.factoringLoanContract ? { ...g.factoringLoanContract, transactions: undefined } : undefined));
      const loanIds = await insertRows(manager, FactoringLoanContract, loans);
      const withLoan = chunk.map((g, i) => ({ g, clientId: ids[i] })).filter(({ g }) => g.factoringLoanContract);
      const transactions = withLoan.flatMap(({ g, clientId }, i) =>
        (g.factoringLoanContract?.transactions ?? []).map((t) => ({ ...t, tenantId, clientId, contractId: loanIds[i] })),
      );
      await insertRows(manager, FactoringLoanTransaction, transactions);
      onProgress?.(start + chunk.length);
    }
    const links = graphs.flatMap((g, i) => (g.parentIndex === undefined ? [] : [[clientIds[i], clientIds[g.parentIndex]]]));
    if (links.some(([, parent]) => parent === undefined)) throw new Error("parentIndex must point to a client of the same call");
    if (links.length > 0) {
      await manager.query(
        `UPDATE "client" c SET "parent_id" = v.parent FROM unnest($1::bigint[], $2::bigint[]) AS v(child, parent) WHERE c."id" = v.child`,
        [links.map(([child]) => child), links.map(([, parent]) => parent)],
      );
    }
    return clientIds;
  });
}
