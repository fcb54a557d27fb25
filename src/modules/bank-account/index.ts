import { BankAccountFieldsResolver } from "./bank-account-fields.resolver";
import { BankAccount } from "./bank-account.entity";
import { BankAccountQueryResolver, ClientBankAccountsFieldResolver } from "./bank-account.resolver";
import { bankAccountApi } from "./bank-account.writes";

export const bankAccountEntities = [BankAccount];
export const bankAccountResolvers = [ClientBankAccountsFieldResolver, BankAccountQueryResolver, BankAccountFieldsResolver, ...bankAccountApi.resolvers] as const;
