import { FieldResolver, Int, Resolver, Root } from "type-graphql";
import { dbFreeFields } from "../../common/prefetch";
import { bankAccountClassCode } from "../bank-account/bank-account.enums";
import { DirectDebitMandate } from "./mandate.entity";
import { directDebitMandateTypeCode } from "./mandate.enums";

/** "YYYY-MM-DD" of today in UTC, comparable as a string with a `date` column's value. */
const todayUtc = (): string => new Date().toISOString().slice(0, 10);

dbFreeFields("DirectDebitMandate", ["active", "mandateTypeCode", "sendingBankAccountClassCode"]);

/** DirectDebitMandate's derived fields: active, and Aptic's numeric codes (mandateType, sendingBankAccountClass). */
@Resolver(() => DirectDebitMandate)
export class DirectDebitMandateFieldsResolver {
  @FieldResolver(() => Boolean, { description: "Not closed, and validUntil unset or today (UTC) or later" })
  active(@Root() mandate: DirectDebitMandate): boolean {
    return mandate.closedAt == null && (mandate.validUntil == null || mandate.validUntil >= todayUtc());
  }

  @FieldResolver(() => Int, { description: "Aptic's numeric mandateType" })
  mandateTypeCode(@Root() mandate: DirectDebitMandate): number {
    return directDebitMandateTypeCode[mandate.mandateType];
  }

  @FieldResolver(() => Int, { nullable: true, description: "Aptic's numeric sendingBankAccountClass" })
  sendingBankAccountClassCode(@Root() mandate: DirectDebitMandate): number | null {
    return mandate.sendingBankAccountClass == null ? null : bankAccountClassCode[mandate.sendingBankAccountClass];
  }
}
