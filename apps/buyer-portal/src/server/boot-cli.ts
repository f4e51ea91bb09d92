/**
 * `npm run migrate`: checks the configuration and brings the database up to date without starting the web server,
 * the same steps the server takes when it starts. Exits 1 with one sentence when something is wrong.
 */
import { boot } from "./boot";

// Checking and migrating only: delivering the outbox is the web server's or the worker's job.
process.env.RUN_DISPATCHER = "false";

await boot();
process.exit(0);
