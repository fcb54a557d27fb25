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
  valuesConfig: {
    DRAWDOWN: { description: "Money lent to the client; raises the drawn balance" },
    REPAYMENT: { description: "Money paid back by the client; lowers the drawn balance" },
    INTEREST: { description: "Interest charged on the loan; raises the drawn balance" },
    FEE: { description: "A fee charged on the loan (e.g. the limit fee); raises the drawn balance" },
  },
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
  valuesConfig: {
    BILL_DATE: { description: "From the invoice's bill date (Aptic 1)" },
    REGISTRATION_DATE: { description: "From the invoice's registration date (Aptic 2)" },
    DUE_DATE: { description: "From the invoice's due date (Aptic 3)" },
    PURCHASE_DATE: { description: "From the date the invoice was purchased (Aptic 4)" },
    RECOURSE_DATE: { description: "From the recourse date (Aptic 5)" },
  },
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
  valuesConfig: {
    BILL_DATE: { description: "To the invoice's bill date (Aptic 1)" },
    REGISTRATION_DATE: { description: "To the invoice's registration date (Aptic 2)" },
    DUE_DATE: { description: "To the invoice's due date (Aptic 3)" },
    PURCHASE_DATE: { description: "To the date the invoice was purchased (Aptic 4)" },
    RECOURSE_DATE: { description: "To the recourse date (Aptic 5)" },
    CLOSURE_DATE: { description: "To the date the invoice is closed (Aptic 6)" },
  },
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
  valuesConfig: {
    PURCHASE: { description: "Charged when the invoice is purchased (Aptic 1)" },
    RECOURSE: { description: "Charged at recourse (Aptic 2)" },
    CLOSURE: { description: "Charged when the invoice is closed (Aptic 3)" },
    FULL_PAYMENT: { description: "Charged when the invoice is fully paid (Aptic 4)" },
  },
});
