import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { TestGateway } from "./helpers/harness";

/**
 * The Dockerfile and compose.yaml, checked without a Docker engine (none runs on this machine or in
 * CI): what the image copies exists, what it starts is what the build makes, it runs as a user of its
 * own, and its healthcheck is run for real against a gateway.
 */
const root = path.join(__dirname, "..");
const dockerfile = readFileSync(path.join(root, "Dockerfile"), "utf8");
const compose = readFileSync(path.join(root, "compose.yaml"), "utf8");
const run = promisify(execFile);

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n\s*/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));
const stages: string[][] = [];
for (const line of instructions) {
  if (/^FROM\s/i.test(line)) stages.push([]);
  stages.at(-1)?.push(line);
}
const finalStage = stages.at(-1)!;
const exec = (instruction: string): string[] => JSON.parse(instruction.replace(/^\w+\s+/, "").replace(/^CMD\s+/i, ""));

it("builds in one stage and runs the built server from a second, as a user that isn't root", () => {
  expect(stages.length).toBeGreaterThanOrEqual(2);
  const user = finalStage.filter((line) => /^USER\s/i.test(line)).at(-1);
  expect(user).toBeDefined();
  expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
  // What the build stage copies from the repository exists.
  for (const line of stages[0].filter((l) => /^COPY\s/i.test(l) && !/--from/.test(l))) {
    const sources = line.split(/\s+/).slice(1, -1).filter((part) => !part.startsWith("--"));
    for (const source of sources) expect(existsSync(path.join(root, source))).toBe(true);
  }
  // What it starts is what `npm run build` makes of src/server.ts (tsconfig.build.json's outDir).
  const build = JSON.parse(readFileSync(path.join(root, "tsconfig.build.json"), "utf8")) as { include: string[] };
  const base = JSON.parse(readFileSync(path.join(root, "tsconfig.json"), "utf8")) as { compilerOptions: { outDir: string } };
  expect(build.include).toContain("src");
  const cmd = exec(finalStage.find((line) => /^CMD\s/i.test(line))!);
  expect(cmd).toEqual(["node", `${base.compilerOptions.outDir}/src/server.js`]);
  expect(existsSync(path.join(root, "src", "server.ts"))).toBe(true);
  // The runtime stage takes the build's output.
  expect(finalStage.some((line) => /COPY\s+--from=build\b.*\/app\/dist\s+dist$/.test(line))).toBe(true);
});

it("uses the Node major version package.json's engines and CI run on", () => {
  const engines = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;
  const majors = stages.map((stage) => Number(/^FROM\s+node:(\d+)/i.exec(stage[0])?.[1]));
  expect(majors.every((major) => major === Number(process.versions.node.split(".")[0]))).toBe(true);
  expect(Number(/>=\s*(\d+)/.exec(engines)?.[1])).toBeLessThanOrEqual(majors[0]);
});

describe("the healthcheck", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start();
  });
  afterAll(async () => {
    await gateway.stop();
  });

  const healthcheck = () => {
    const line = finalStage.find((l) => /^HEALTHCHECK\s/i.test(l))!;
    return JSON.parse(line.slice(line.indexOf("CMD") + 3).trim()) as string[];
  };

  it("asks /readyz and passes while the gateway is ready", async () => {
    const [command, ...args] = healthcheck();
    expect(command).toBe("node");
    expect(args.join(" ")).toContain("/readyz");
    const port = new URL(gateway.url).port;
    await expect(run(process.execPath, args, { env: { ...process.env, PORT: port } })).resolves.toBeDefined();
  });

  it("fails where nothing answers", async () => {
    const [, ...args] = healthcheck();
    await expect(run(process.execPath, args, { env: { ...process.env, PORT: "1" } })).rejects.toMatchObject({ code: 1 });
  });
});

it("compose.yaml gives the gateway the database its PostgreSQL service makes, and the secrets production requires", () => {
  const user = /POSTGRES_USER:\s*(\S+)/.exec(compose)?.[1];
  const password = /POSTGRES_PASSWORD:\s*(\S+)/.exec(compose)?.[1];
  const db = /POSTGRES_DB:\s*(\S+)/.exec(compose)?.[1];
  expect(compose).toContain(`DATABASE_URL: postgres://${user}:${password}@postgres:5432/${db}`);
  expect(compose).toMatch(/condition:\s*service_healthy/);
  for (const secret of ["JWT_SECRET", "SOURCE_CREDENTIALS_KEY"]) expect(compose).toMatch(new RegExp(`${secret}: \\$\\{${secret}:\\?`));
});
