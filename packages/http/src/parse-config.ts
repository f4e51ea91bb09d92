import type { z } from "zod";

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/**
 * Parses environment variables with a zod schema whose messages say what is wrong and how to fix it.
 * Throws one ConfigError whose message has a line per wrong variable, each starting with its name.
 */
export function parseConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join(".");
    return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  });
  throw new ConfigError(lines.join("\n"));
}
