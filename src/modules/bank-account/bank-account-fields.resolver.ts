import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import { dbFreeFields } from "../../common/prefetch";
import { BankAccount } from "./bank-account.entity";
import { bankAccountClassCode, bankAccountOwnerTypeCode } from "./bank-account.enums";

dbFreeFields("BankAccount", ["bankAccountClassCode", "ownerTypeCode"]);

/** BankAccount's Aptic numeric codes (bankAccountClass, ownerType), derived from the enums. */
@Resolver(() => BankAccount)
export class BankAccountFieldsResolver {
  @FieldResolver(() => Int, { description: "Aptic's numeric bankAccountClass" })
  bankAccountClassCode(@Root() account: BankAccount): number {
    return bankAccountClassCode[account.bankAccountClass];
  }

  @FieldResolver(() => Int, { description: "Aptic's numeric ownerType (1..4)" })
  ownerTypeCode(@Root() account: BankAccount): number {
    return bankAccountOwnerTypeCode[account.ownerType];
  }
}
