/**
 * `npm start`'s and `npm run dev`'s entry: compiles the launcher (scripts/start.ts and the workspace code it imports)
 * into one plain JavaScript file and runs it in this process. The launcher stays up for the whole session, and under
 * tsx its TypeScript loader (module hooks on a second V8 isolate) cost about 30 MiB; compiling takes a blink.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const ROOT = join(import.meta.dirname, "..");
// One file per process: two stacks started at once must not overwrite each other's launcher.
const compiled = join(ROOT, ".data", "launcher", `start-${process.pid}.mjs`);

await build({
  entryPoints: [join(ROOT, "scripts", "start.ts")],
  outfile: compiled,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // start.ts finds the repository from its own directory, not from where the compiled file lies.
  define: { "import.meta.dirname": JSON.stringify(join(ROOT, "scripts")) },
  plugins: [
    {
      // npm packages load from node_modules as they are; only the workspace's TypeScript is compiled in.
      name: "npm-packages-as-they-are",
      setup: (compile) =>
        compile.onResolve({ filter: /^[^./]/ }, ({ path }) =>
          path.startsWith("@lotbridge/") ? undefined : { path, external: true },
        ),
    },
  ],
});
// esbuild's service process would otherwise stay up beside the launcher.
await stop();
// Once loaded the module no longer needs its file; a launcher that refuses to start exits before the import settles.
const remove = () => rmSync(compiled, { force: true });
process.once("exit", remove);
await import(pathToFileURL(compiled).href);
remove();
