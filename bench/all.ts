/**
 * `npm run bench`: the read benchmark (bench/clients-page.ts, with this command's arguments),
 * then the sync benchmark (bench/sync.ts, with its defaults; `npm run bench:sync -- ...` takes its
 * own arguments), then the change feed's (bench/change-feed.ts; `npm run bench:feed -- ...`), then compression's
 * (bench/compression.ts; `npm run bench:compression -- ...`), then processes' (bench/processes.ts;
 * `npm run bench:processes -- ...`).
 * Each runs in a process of its own, one after the other; stops at the first that fails.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const compiled = __filename.endsWith(".js");
for (const [script, args] of [
  ["clients-page", process.argv.slice(2)],
  ["sync", []],
  ["change-feed", []],
  ["compression", []],
  ["processes", []],
] as const) {
  const file = path.join(__dirname, `${script}.${compiled ? "js" : "ts"}`);
  const result = spawnSync(process.execPath, [...(compiled ? [] : ["-r", "ts-node/register/transpile-only"]), file, ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log();
}
