/** `npm run add-user`: gives a person an account in an organization (see runAddUser), with the server's `.env` files. */
import { loadEnvFiles } from "@lotbridge/runtime/load-env-files";

loadEnvFiles();
process.env.LOG_LEVEL ??= "warn"; // the operator reads the answer, not the start-up log
const { runAddUser } = await import("@lotbridge/runtime/run-add-user");
const { boot } = await import("./boot");
const { closePortal, portal } = await import("./portal");
await boot({ backgroundWork: false });
const code = await runAddUser(portal().db, process.argv.slice(2));
await closePortal();
process.exit(code);
