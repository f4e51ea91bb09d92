import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configVariables, loadConfig } from "./config";

const documented = readFileSync(join(import.meta.dirname, "../../.env.example"), "utf8")
  .split("\n")
  .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
  .filter(Boolean);

describe("producer portal configuration", () => {
  it("documents every variable it reads in .env.example, and nothing it does not read", () => {
    expect([...documented].sort()).toEqual([...configVariables].sort());
  });

  it("refuses outgoing calls to loopback and private networks unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ OUTBOUND_ALLOW_LOOPBACK: false, OUTBOUND_ALLOW_PRIVATE_NETWORKS: false });
    expect(loadConfig({ OUTBOUND_ALLOW_LOOPBACK: "true" }).OUTBOUND_ALLOW_LOOPBACK).toBe(true);
    expect(() => loadConfig({ OUTBOUND_ALLOW_LOOPBACK: "yes" })).toThrow(
      "OUTBOUND_ALLOW_LOOPBACK must be true or false",
    );
  });

  it("accepts several webhook secrets during a rotation", () => {
    const a = `whsec_${Buffer.from("a".repeat(32)).toString("base64")}`;
    const b = `whsec_${Buffer.from("b".repeat(32)).toString("base64")}`;
    expect(loadConfig({ BUYER_WEBHOOK_SECRET: `${a}, ${b}` }).BUYER_WEBHOOK_SECRET).toEqual([a, b]);
  });

  it.each([
    [{ BUYER_PORTAL_URL: "buyer.example.com" }, 'BUYER_PORTAL_URL is not an http(s) URL: "buyer.example.com"'],
    [{ BUYER_WEBHOOK_SECRET: "whsec_short" }, "BUYER_WEBHOOK_SECRET must be at least"],
    [{ SMTP_URL: "mail.example.com" }, "SMTP_URL must look like smtp://"],
    [{ RECONCILE_INTERVAL_SECONDS: "0" }, "RECONCILE_INTERVAL_SECONDS must be a whole number of seconds from 10"],
    [{ RECONCILE_INTERVAL_SECONDS: "5 minutes" }, "RECONCILE_INTERVAL_SECONDS must be a whole number of seconds"],
  ])("refuses %o with a message naming the variable", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
