import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, Page } from "playwright-core";
import { TestGateway } from "./helpers/harness";
import { createClients } from "./helpers/fixtures";
import { signToken } from "../src/auth/jwt";
import { DEVELOPMENT_JWT_SECRET } from "../src/config";

/** Debian's chromium (`.ci/run` installs it); never a browser downloaded by Playwright. */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const SCREENSHOT = path.resolve("test-results/ide.png");
const SECRET = "a-production-secret-of-at-least-32-chars";
const CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");

let gateway: TestGateway;
let tenant: string;
let authorization: string;

beforeAll(async () => {
  tenant = `t-${randomUUID().slice(0, 13)}`;
  // The test gateways' secret (the development one, NODE_ENV=test).
  authorization = `Bearer ${await signToken({ subject: "developer", companies: [tenant], scopes: ["clients:read"], expiresIn: "10m" }, DEVELOPMENT_JWT_SECRET)}`;
  // As server.ts does with its development token: GraphiQL opens with the caller's headers.
  gateway = await TestGateway.start({ ideHeaders: { authorization, companyId: tenant } });
  await createClients(gateway, tenant, [{ name: "Offline Ide Aktiebolag", countryCode: "SE", orgNumber: "5560360793" }] as never);
});
afterAll(async () => {
  await gateway?.stop();
});

const openPage = (url: string) => fetch(url, { headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });

describe("GraphiQL at /graphql (GRAPHQL_IDE=graphiql, the default outside production)", () => {
  it("serves a browser one self-contained page, with its headers and a CSP that allows nothing from elsewhere", async () => {
    const page = await openPage(gateway.url);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("cache-control")).toBe("no-store");
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("connect-src 'self'");
    const html = await page.text();
    // (Booleans: a failure would print the whole 9 MB page.)
    expect(html.includes(`\\"X-Company-Id\\": \\"${tenant}\\"`)).toBe(true);
    expect(html.includes(authorization)).toBe(true);
    // No script, stylesheet or font from a URL: everything is inline.
    expect(/<(script|link)[^>]+(src|href)="https?:/.test(html)).toBe(false);
    // A client's GET (JSON) still reaches GraphQL, which asks for its token.
    const json = await fetch(`${gateway.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { "apollo-require-preflight": "true" } });
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(await json.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("never opens with a token in production, even if one is passed; GRAPHQL_IDE=off serves none, an unknown value is refused", async () => {
    const env = { NODE_ENV: "production", JWT_SECRET: SECRET, SOURCE_CREDENTIALS_KEY: CREDENTIALS_KEY };
    const production = await TestGateway.start({ env: { ...env, GRAPHQL_IDE: "graphiql" }, ideHeaders: { authorization, companyId: tenant } });
    try {
      const html = await (await openPage(production.url)).text();
      expect(html.includes("GraphiQL")).toBe(true);
      expect(html.includes(authorization)).toBe(false);
      expect(html.includes("X-Company-Id")).toBe(false);
    } finally {
      await production.stop();
    }
    const off = await TestGateway.start({ env: { GRAPHQL_IDE: "off" } });
    try {
      const page = await openPage(off.url);
      expect(page.headers.get("content-type") ?? "").not.toContain("text/html");
    } finally {
      await off.stop();
    }
    const { loadConfig } = await import("../src/config");
    expect(() => loadConfig({ GRAPHQL_IDE: "playground" })).toThrow('GRAPHQL_IDE must be one of graphiql, sandbox, off, got "playground"');
    expect(() => loadConfig({ LANDING_PAGE: "false" })).toThrow(/replaced by GRAPHQL_IDE/);
    expect(loadConfig({}).graphqlIde).toBe("graphiql");
    expect(loadConfig(env).graphqlIde).toBe("off");
  });

  it("runs a query in headless Chromium with its prefilled headers, without the internet", async () => {
    await inChromium(gateway.url, async (page, left, problems) => {
      await page.goto(gateway.url);
      // The headers editor opens with the token and the company: nothing is typed there.
      await page.locator(".graphiql-editor-tool").getByText(`"X-Company-Id": "${tenant}"`).waitFor();
      const editor = page.locator(".graphiql-query-editor .monaco-editor").first();
      await editor.click();
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(`{ clients(first: 5, search: "Offline Ide") { totalCount nodes { name orgNumber } } }`);
      // Monaco closes the first brace as it is typed: what it added after the cursor goes.
      await page.keyboard.press("Control+Shift+End");
      await page.keyboard.press("Delete");
      await page.locator(".graphiql-execute-button").click();
      const response = page.locator(".graphiql-response");
      await response.getByText("Offline Ide Aktiebolag").waitFor();
      // (Monaco lays the answer out with non-breaking spaces.)
      expect((await response.innerText()).replace(/\s+/g, " ")).toContain('"totalCount": 1,');
      mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      console.log(`GraphiQL screenshot with the query's result: ${SCREENSHOT}`);
      expect(left).toEqual([]);
      expect(problems.filter((problem) => /Content Security Policy|Refused to/i.test(problem))).toEqual([]);
      // The query went through GraphQL with the prefilled headers, as the tenant.
      expect(gateway.requests.some((request) => request.operationName === null && request.tenantId === tenant && request.errorCodes.length === 0)).toBe(true);
    });
  });

  it("GRAPHQL_IDE=sandbox: offline, Apollo Sandbox's page sends the browser to the local GraphiQL", async () => {
    const sandbox = await TestGateway.start({ env: { GRAPHQL_IDE: "sandbox" }, ideHeaders: { authorization, companyId: tenant } });
    try {
      // Without the browser: Sandbox's page, and GraphiQL only at the fallback's address.
      const landing = await (await openPage(sandbox.url)).text();
      expect(landing).toContain("embeddable-sandbox.cdn.apollographql.com");
      expect(landing).toContain(`window.location.replace("/graphql?ide=graphiql")`);
      expect((await (await openPage(`${sandbox.url}?ide=graphiql`)).text()).includes(authorization)).toBe(true);
      await inChromium(sandbox.url, async (page, left) => {
        await page.goto(sandbox.url);
        await page.waitForURL(/\/graphql\?ide=graphiql$/);
        await page.locator(".graphiql-editor-tool").getByText(`"X-Company-Id": "${tenant}"`).waitFor();
        await page.locator(".graphiql-execute-button").waitFor();
        // What it tried to load from Apollo's CDN was refused (this browser has no internet).
        expect(left.some((url) => url.startsWith("https://embeddable-sandbox.cdn.apollographql.com/"))).toBe(true);
      });
    } finally {
      await sandbox.stop();
    }
  });
});

/**
 * Runs `use` with a page of a fresh headless Chromium whose requests may reach only `url`'s server:
 * any other is refused (as if offline) and listed in `left`; console errors go to `problems`.
 * Without a Chromium: fails in CI, says plainly that it did not run elsewhere.
 */
async function inChromium(url: string, use: (page: Page, left: string[], problems: string[]) => Promise<void>): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    const message = `No Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
    if (process.env.CI) throw new Error(`${message}: the browser test must run in CI`);
    console.warn(`THE BROWSER TEST DID NOT RUN: ${message}. GraphiQL was not tried in a browser.`);
    return;
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), "cdg-chromium-"));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1400, height: 900 },
  });
  const origin = new URL(url).origin;
  const left: string[] = [];
  const problems: string[] = [];
  try {
    await browser.route("**/*", (route) => {
      const target = route.request().url();
      if (target.startsWith(`${origin}/`)) return route.continue();
      left.push(target);
      return route.abort("internetdisconnected");
    });
    const page = await browser.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (line) => {
      if (line.type() === "error") problems.push(`console: ${line.text()}`);
    });
    await use(page, left, problems);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
