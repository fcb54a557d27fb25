/** Unit tests sit beside the code (src/, *.test.ts); integration tests run the real server on a real PostgreSQL (test/). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    // jose is ESM-only; jest's module system on Node 20 cannot require() ESM, so it is compiled to CommonJS.
    "node_modules/jose/.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ["/node_modules/(?!jose/)"],
  globalSetup: "<rootDir>/test/global-setup.ts",
  globalTeardown: "<rootDir>/test/global-teardown.ts",
  setupFiles: ["reflect-metadata"],
  testTimeout: 60000,
  maxWorkers: 2,
  // Each test file's module registry stays reachable after the file ends (about 20 MB of heap per
  // file, on main too), so a worker that ran half of the ~85 files ends with a heap near 1 GB; with
  // no open handle left, tearing that process down took over jest's 500 ms graceful-exit window and
  // jest force-exited it ("A worker process has failed to exit gracefully"). Recycling a worker
  // between files once its heap passes this bound keeps every worker small enough to exit at once.
  workerIdleMemoryLimit: "384MB",
};
