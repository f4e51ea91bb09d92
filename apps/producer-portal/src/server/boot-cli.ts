/**
 * `npm run migrate`: checks the configuration and brings the database up to date without starting the web server,
 * the same steps the server takes when it starts. Exits 1 with one sentence when something is wrong.
 */
import { boot } from "./boot";

await boot({ backgroundWork: false });
process.exit(0);
