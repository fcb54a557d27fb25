import { registerEnumType } from "type-graphql";

/** Direct debit scheme, as Aptic's mandateType (see directDebitMandateTypeCode). */
export enum DirectDebitMandateType {
  SWEDISH_AUTOGIRO = "SWEDISH_AUTOGIRO",
  DUTCH_INCASSO = "DUTCH_INCASSO",
  SEPA_CONSUMER_RECURRING = "SEPA_CONSUMER_RECURRING",
  SEPA_CONSUMER_ONE_OFF = "SEPA_CONSUMER_ONE_OFF",
  SEPA_BUSINESS_RECURRING = "SEPA_BUSINESS_RECURRING",
  SEPA_BUSINESS_ONE_OFF = "SEPA_BUSINESS_ONE_OFF",
}
registerEnumType(DirectDebitMandateType, {
  name: "DirectDebitMandateType",
  description: "Direct debit scheme (Aptic mandateType)",
  valuesConfig: {
    SWEDISH_AUTOGIRO: { description: "1 = Autogiro (Sweden)" },
    DUTCH_INCASSO: { description: "2 = Incasso (the Netherlands)" },
    SEPA_CONSUMER_RECURRING: { description: "3 = SEPA consumer, recurring" },
    SEPA_CONSUMER_ONE_OFF: { description: "4 = SEPA consumer, one-off" },
    SEPA_BUSINESS_RECURRING: { description: "5 = SEPA business, recurring" },
    SEPA_BUSINESS_ONE_OFF: { description: "7 = SEPA business, one-off" },
  },
});

/** Aptic's numeric code of a mandate type (6 is unused). */
export const directDebitMandateTypeCode: Record<DirectDebitMandateType, number> = {
  SWEDISH_AUTOGIRO: 1,
  DUTCH_INCASSO: 2,
  SEPA_CONSUMER_RECURRING: 3,
  SEPA_CONSUMER_ONE_OFF: 4,
  SEPA_BUSINESS_RECURRING: 5,
  SEPA_BUSINESS_ONE_OFF: 7,
};
