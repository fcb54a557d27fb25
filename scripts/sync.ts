/**
 * Runs one sync of a source system in the foreground, with a progress bar and a summary:
 *   npm run sync -- --company 1 --source <id|name> [--full]      (npm run sync -- --help)
 * Uses DATABASE_URL, or the embedded PostgreSQL in DATA_DIR: the one a running gateway started
 * there, else one it starts for the sync and stops at the end. The help is in
 * src/sync/cli/render.ts (HELP), the command in src/sync/cli/command.ts.
 */
import { parseSyncArgs } from "../src/sync/cli/args";
import { EXIT, HELP } from "../src/sync/cli/render";

const USAGE = "Usage: npm run sync -- --company <id> --source <id|name> [--full]   (--help for more)";

async function main(): Promise<number> {
  const args = parseSyncArgs(process.argv.slice(2));
  if (args.kind === "help") {
    process.stdout.write(HELP);
    return EXIT.SUCCEEDED;
  }
  if (args.kind === "usage-error") {
    process.stderr.write(`error: ${args.message}\n${USAGE}\n`);
    return EXIT.FAILED;
  }
  const { syncCommand } = await import("../src/sync/cli/command");
  return syncCommand(args);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Our own messages (configuration, database); an unexpected error is named, not dumped (its text may hold data).
    const message = error instanceof Error ? (error.name === "Error" ? error.message : `${error.name}${(error as { code?: string }).code ? ` ${(error as { code?: string }).code}` : ""}`) : String(error);
    process.stderr.write(`[sync] failed: ${message}\n`);
    process.exit(EXIT.FAILED);
  },
);
