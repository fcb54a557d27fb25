import { execFile } from "node:child_process";
import { randomInt } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";

/** The npm scripts as a newcomer meets them: `--help` answers and does nothing, mistakes get a message. */
const run = promisify(execFile);
const root = path.join(__dirname, "..");
const script = (name: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(process.execPath, ["-r", "ts-node/register/transpile-only", path.join(root, "scripts", `${name}.ts`), ...args], {
    cwd: root,
    // No database anywhere: a script that tried to open one would fail instead of printing its help.
    env: { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", ...env },
  });

it.each(["token", "seed", "sync", "purge-idempotency", "emit-schema", "migration-generate", "migrate"])("%s --help prints its usage and exits 0", async (name) => {
  const { stdout } = await script(name, ["--help"]);
  expect(stdout).toMatch(/^\s*Usage:\s+npm run/im);
  if (name === "token") expect(stdout).not.toMatch(/eyJ/);
});

it("refuses an option it doesn't know, with the usage", async () => {
  await expect(script("token", ["--compnay", "1"])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option --compnay") });
});

it("seed reports a seed already used for the company as a message naming another", async () => {
  const env = { DATABASE_URL: process.env.TEST_DATABASE_URL! };
  const company = `seed-${randomInt(1e9)}`;
  const first = await script("seed", ["--clients", "2", "--company", company, "--seed", "7"], env);
  expect(first.stdout).toMatch(/seeded 2 clients into company/);
  expect(first.stderr).toContain(`adding 2 clients to company ${company}`);
  // Not a terminal here: its progress is a line (at each tenth; two clients are one chunk).
  expect(first.stderr).toContain("[seed] 2/2 clients written");
  const again = script("seed", ["--clients", "2", "--company", company, "--seed", "7"], env);
  await expect(again).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("--seed 8") });
  await expect(again).rejects.toMatchObject({ stderr: expect.not.stringMatching(/duplicate key|constraint/) });
});
