import { BankAccountFieldsResolver } from "./bank-account-fields.resolver";
import { BankAccount } from "./bank-account.entity";
import { ClientBankAccountsFieldResolver } from "./bank-account.resolver";

export const bankAccountEntities = [BankAccount];
export const bankAccountResolvers = [ClientBankAccountsFieldResolver, BankAccountFieldsResolver] as const;
