import { registerEnumType } from "type-graphql";

/** What a loan transaction does to the balance; the amount is always positive, the type gives the sign. */
export enum FactoringLoanTransactionType {
  DRAWDOWN = "DRAWDOWN",
  REPAYMENT = "REPAYMENT",
  INTEREST = "INTEREST",
  FEE = "FEE",
}
registerEnumType(FactoringLoanTransactionType, {
  name: "FactoringLoanTransactionType",
  description: "DRAWDOWN, INTEREST and FEE raise the drawn balance; REPAYMENT lowers it",
});

/** The date financing interest is calculated from. */
export enum FinancingInterestCalculateFrom {
  BILL_DATE = "BILL_DATE",
  REGISTRATION_DATE = "REGISTRATION_DATE",
  DUE_DATE = "DUE_DATE",
  PURCHASE_DATE = "PURCHASE_DATE",
  RECOURSE_DATE = "RECOURSE_DATE",
}
registerEnumType(FinancingInterestCalculateFrom, {
  name: "FinancingInterestCalculateFrom",
  description: "The date financing interest is calculated from",
});

/** The date financing interest is calculated to. */
export enum FinancingInterestCalculateTo {
  BILL_DATE = "BILL_DATE",
  REGISTRATION_DATE = "REGISTRATION_DATE",
  DUE_DATE = "DUE_DATE",
  PURCHASE_DATE = "PURCHASE_DATE",
  RECOURSE_DATE = "RECOURSE_DATE",
  CLOSURE_DATE = "CLOSURE_DATE",
}
registerEnumType(FinancingInterestCalculateTo, {
  name: "FinancingInterestCalculateTo",
  description: "The date financing interest is calculated to",
});

/** The event that inserts the financing interest fee. */
export enum FinancingInterestFeeInsertTrigger {
  PURCHASE = "PURCHASE",
  RECOURSE = "RECOURSE",
  CLOSURE = "CLOSURE",
  FULL_PAYMENT = "FULL_PAYMENT",
}
registerEnumType(FinancingInterestFeeInsertTrigger, {
  name: "FinancingInterestFeeInsertTrigger",
  description: "The event that inserts the financing interest fee",
});
