import { createDataSource } from "./data-source";

/** The data source TypeORM's CLI loads (`-d`); scripts/migration-generate.ts sets DATABASE_URL. */
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL must be set for the TypeORM CLI");
export default createDataSource(url, { pool: { size: 2 }, applicationName: "typeorm-cli" });
