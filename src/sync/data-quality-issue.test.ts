import { luhnCheckDigit } from "../common/validation/checksums";
import { ClientType } from "../modules/client/client.enums";
import { displayIssueValue, maskPersonalNumbersIn } from "./data-quality-issue.type";

const personal = (() => {
  const payload = "800101123";
  return `${payload}${luhnCheckDigit(payload)}`;
})();
const wrongCheck = `${personal.slice(0, 9)}${(Number(personal[9]) + 1) % 10}`;
const org = (() => {
  const payload = "556036079";
  return `${payload}${luhnCheckDigit(payload)}`;
})();

describe("displayIssueValue", () => {
  it("masks a personnummer without clients:pii, with or without a valid check digit, and keeps a company's number", () => {
    const issue = (value: string, field = "orgNumber", clientType = ClientType.BUSINESS) => ({ field, rawValue: value, clientType });
    expect(displayIssueValue(issue(personal), false)).toBe(`${personal.slice(0, 6)}****`);
    expect(displayIssueValue(issue(`19${wrongCheck.slice(0, 6)}-${wrongCheck.slice(6)}`), false)).toBe(`19${wrongCheck.slice(0, 6)}-****`);
    expect(displayIssueValue(issue("12345", "orgNumber", ClientType.INDIVIDUAL), false)).toBe("1****");
    expect(displayIssueValue(issue(org), false)).toBe(org);
    expect(displayIssueValue(issue("Atlantis", "countryCode"), false)).toBe("Atlantis");
    expect(displayIssueValue(issue(`SE${personal}01`, "vatNumber", ClientType.INDIVIDUAL), false)).not.toContain(personal.slice(6));
    expect(displayIssueValue(issue(personal), true)).toBe(personal);
  });
});

describe("maskPersonalNumbersIn", () => {
  it("masks every personnummer at any depth, strings and numbers, unless pii", () => {
    const detail = { record: { org_number: personal, n: Number(wrongCheck), tags: [`x ${personal}`] }, other: { org_number: org, status: 409 } };
    const masked = JSON.stringify(maskPersonalNumbersIn(detail, false));
    expect(masked).not.toContain(personal.slice(6));
    expect(masked).not.toContain(wrongCheck.slice(6));
    expect(masked).toContain(org);
    expect(maskPersonalNumbersIn(detail, true)).toBe(detail);
  });
});
