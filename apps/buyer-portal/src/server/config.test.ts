import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configVariables, loadConfig } from "./config";

const documented = readFileSync(join(import.meta.dirname, "../../.env.example"), "utf8")
  .split("\n")
  .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
  .filter(Boolean);

describe("buyer portal configuration", () => {
  it("documents every variable it reads in .env.example, and nothing it does not read", () => {
    expect([...documented].sort()).toEqual([...configVariables].sort());
  });

  it("has working defaults for a local run", () => {
    const config = loadConfig({});
    expect(config.PUBLIC_URL).toBe("http://localhost:3000");
    expect(config.CORS_ALLOWED_ORIGINS).toEqual([]);
    expect(config.DEMO_DATA).toBe(false);
    expect(config.OPERATORS).toEqual([]);
  });

  it("refuses outgoing calls to loopback and private networks unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ OUTBOUND_ALLOW_LOOPBACK: false, OUTBOUND_ALLOW_PRIVATE_NETWORKS: false });
    expect(loadConfig({ OUTBOUND_ALLOW_LOOPBACK: "true" }).OUTBOUND_ALLOW_LOOPBACK).toBe(true);
    expect(() => loadConfig({ OUTBOUND_ALLOW_LOOPBACK: "yes" })).toThrow(
      "OUTBOUND_ALLOW_LOOPBACK must be true or false",
    );
  });

  it("limits database connections to 5 s to connect, 10 s a statement, 30 s idle in a transaction, unless set", () => {
    expect(loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: "" })).toMatchObject({
      DATABASE_CONNECT_TIMEOUT_MS: 5_000,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: 30_000,
    });
    expect(loadConfig({ DATABASE_CONNECT_TIMEOUT_MS: "2500" }).DATABASE_CONNECT_TIMEOUT_MS).toBe(2_500);
  });

  it("reads OPERATORS as memberships, each an email (lower case) in an organization named by its slug", () => {
    expect(
      loadConfig({ OPERATORS: " Ops@Buyer.example:buyer-ops, anna@northfield.example:northfield-mills ," }).OPERATORS,
    ).toEqual([
      { email: "ops@buyer.example", organizationSlug: "buyer-ops" },
      { email: "anna@northfield.example", organizationSlug: "northfield-mills" },
    ]);
  });

  it("stops at INTEGRATION_ADMINS, which named emails only, saying to name operators in OPERATORS", () => {
    expect(() => loadConfig({ INTEGRATION_ADMINS: "anna@northfield.example" })).toThrow(
      "INTEGRATION_ADMINS is no longer read: name each operator by email and organization in OPERATORS instead",
    );
  });

  it.each([
    [
      { PRODUCER_DASHBOARD_WEBHOOK_URL: "not a url" },
      'PRODUCER_DASHBOARD_WEBHOOK_URL is not an http(s) URL: "not a url"',
    ],
    [{ PRODUCER_DASHBOARD_WEBHOOK_SECRET: "plain-secret-without-prefix-000000000000" }, "must look like whsec_"],
    [{ CORS_ALLOWED_ORIGINS: "https://ok.example, https://bad.example/path" }, "CORS_ALLOWED_ORIGINS must be"],
    [{ PRODUCER_API_KEY: "short" }, "PRODUCER_API_KEY must be at least 24 characters"],
    [{ DATABASE_URL: "nope" }, 'DATABASE_URL is not a URL: "nope"'],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL must be one of"],
    [
      { DATABASE_CONNECT_TIMEOUT_MS: "5s" },
      "DATABASE_CONNECT_TIMEOUT_MS must be a whole number of milliseconds from 500 to 60000 (5000 by default).",
    ],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "10" }, "DATABASE_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds"],
    [
      { DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: "-1" },
      "DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS must be a whole number of milliseconds",
    ],
    [
      { OPERATORS: "anna@northfield.example" },
      'OPERATORS must name each operator as sign-in-email:organization-slug, separated by commas, like OPERATORS=anna@northfield.example:northfield-mills (the slug is the organization\'s name in lower case with dashes between words); "anna@northfield.example" is not.',
    ],
    [{ OPERATORS: "anna@northfield.example:Northfield Mills" }, '"anna@northfield.example:Northfield Mills" is not.'],
    [{ OPERATORS: "northfield-mills:anna@northfield.example" }, "OPERATORS must name each operator as"],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("never repeats a database password in its message", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres//admin:s3cret@db" })).not.toThrow("s3cret");
  });
});
