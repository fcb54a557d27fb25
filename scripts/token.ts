/**
 * Prints a development JWT alone on stdout, signed with JWT_SECRET (the development default
 * when unset): npm run -s token -- --company 1 --scopes clients:read,clients:write
 */
import { decodeJwt } from "jose";
import { loadConfig } from "../src/config";
import { developmentTokenHours, lifetimeSeconds, signToken } from "../src/auth/jwt";

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
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
