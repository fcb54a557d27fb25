/**
 * Prints a development JWT alone on stdout, signed with JWT_SECRET (the development default
 * when unset): npm run -s token -- --company 1 --scopes clients:read,clients:write
 */
import { decodeJwt } from "jose";
import { loadConfig } from "../src/config";
import { parseOptions } from "./cli";
import { developmentTokenHours, lifetimeSeconds, signToken } from "../src/auth/jwt";

const USAGE = `
Usage: npm run -s token -- [--company <id>[,<id>...]] [--scopes <scope>[,<scope>...]] [--subject <name>] [--expires <duration>]
Prints a development JWT (HS256, signed with JWT_SECRET) alone on stdout.
  --company   the companies the token may act for (default 1)
  --scopes    clients:read, clients:write, clients:pii, sources:admin, webhooks:admin (default clients:read)
  --subject   the token's sub (default developer)
  --expires   lifetime, e.g. 2h (default: the development lifetime, within JWT_MAX_LIFETIME_HOURS)
`;

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), USAGE, ["company", "scopes", "subject", "expires"]);
  const option = (_args: unknown, name: string) => options.get(name);
  const args = undefined;
  const companies = (option(args, "company") ?? "1").split(",").map((c) => c.trim()).filter(Boolean);
  const scopes = (option(args, "scopes") ?? "clients:read").split(",").map((s) => s.trim()).filter(Boolean);
  const config = loadConfig();
  if (!config.jwtSecret) throw new Error("npm run token signs HS256 tokens: set JWT_SECRET (only JWT_JWKS_URL is set)");
  const token = await signToken(
    {
      subject: option(args, "subject") ?? "developer",
      companies,
      scopes,
      expiresIn: option(args, "expires") ?? `${developmentTokenHours(config.jwtMaxLifetimeHours)}h`,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
    },
    config.jwtSecret,
  );
  if (lifetimeSeconds(decodeJwt(token)) > config.jwtMaxLifetimeHours * 3600) {
    throw new Error(`--expires ${option(args, "expires")} is longer than JWT_MAX_LIFETIME_HOURS (${config.jwtMaxLifetimeHours} h): the gateway would refuse the token`);
  }
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
