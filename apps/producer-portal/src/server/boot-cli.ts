/**
 * `npm run migrate`: checks the configuration and brings the database up to date without starting the web server,
 * the same steps the server takes when it starts, with the same `.env` files. Exits 1 with one sentence when
 * something is wrong.
 */
import { loadEnvFiles } from "@lotbridge/runtime/load-env-files";

const envFiles = loadEnvFiles(); // before anything reads the environment
const { logger } = await import("./logger");
if (envFiles.length > 0) logger.info({ envFiles }, "Configuration files read");
const { boot } = await import("./boot");
await boot({ backgroundWork: false });
process.exit(0);
