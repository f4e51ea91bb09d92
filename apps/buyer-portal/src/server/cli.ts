/** `npm run migrate | worker | add-user | grant-operator | revoke-operator`: the portal's operator commands (see runPortalCommand). */
import { loadEnvFiles } from "@lotbridge/runtime/load-env-files";
import { runPortalCommand } from "@lotbridge/runtime/run-portal-command";

const envFiles = loadEnvFiles(); // the web server's .env files, before anything reads the environment
await runPortalCommand(process.argv.slice(2), envFiles, async () => ({
  ...(await import("./boot")),
  ...(await import("./portal")),
  ...(await import("./logger")),
  stopBackgroundWork: (await import("./start-integration")).stopIntegration,
}));
