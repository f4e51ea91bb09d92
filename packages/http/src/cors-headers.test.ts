import { describe, expect, it } from "vitest";
import { corsHeaders } from "./cors-headers";

const allowed = ["https://producer.example.com"];

describe("CORS", () => {
  it("answers a preflight from an allowed origin with that origin, the methods and the API's headers", () => {
    const headers = corsHeaders("https://producer.example.com", allowed, true);
    expect(headers.get("access-control-allow-origin")).toBe("https://producer.example.com");
    expect(headers.get("access-control-allow-headers")).toContain("x-api-key");
    expect(headers.get("access-control-allow-headers")).toContain("idempotency-key");
    expect(headers.get("access-control-allow-headers")).toContain("x-producer-organization");
    expect(headers.get("vary")).toBe("Origin");
  });

  it("gives any other origin no CORS headers at all", () => {
    for (const origin of ["https://evil.example", "https://producer.example.com.evil.example", "null", null]) {
      const headers = corsHeaders(origin, allowed, true);
      expect([...headers.keys()].filter((name) => name.startsWith("access-control"))).toEqual([]);
    }
  });
});
