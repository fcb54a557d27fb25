import { TestGateway } from "./helpers/harness";
import { tenantIsolationSuite } from "./helpers/tenant-isolation-suite";

/** Tenant isolation on the test database directly (test/pgbouncer.test.ts: the same through PgBouncer). */
tenantIsolationSuite(() => TestGateway.start());
