import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { session } from "@lotbridge/auth/tables";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { beforeAll, describe, expect, it } from "vitest";
import { portal } from "@/server/portal";
import { signInThroughProxy } from "@/test/sign-in-through-proxy";
import { GET as me } from "../me/route";
import { POST as auth } from "./[...all]/route";

const BASE = "http://localhost:3000";
const PASSWORD = "correct-horse-battery";

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Mill A", slug: "mill-a" }, [
    { name: "Ann", email: "ann@mill-a.example", password: PASSWORD, role: "admin" },
  ]);
});

const attempt = (password: string, ip: string) =>
  call(auth, `${BASE}/api/auth/sign-in/email`, {
    body: { email: "ann@mill-a.example", password },
    headers: { "x-forwarded-for": ip },
  });

describe("signing in to the buyer portal", () => {
  it("with the right password gives an httpOnly session cookie that identifies the user and organization", async () => {
    const response = await attempt(PASSWORD, "192.0.2.10");
    expect(response.status).toBe(200);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("lotbridge-buyer.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const who = await call(me, `${BASE}/api/me`, { cookie: cookie?.split(";")[0] });
    expect(await who.json()).toMatchObject({
      user: { email: "ann@mill-a.example", role: "admin" },
      organization: { name: "Mill A" },
    });
  });

  it("with a wrong password answers 401 and creates no session", async () => {
    const before = await portal().db.$count(session);
    const response = await attempt("wrong-password-123", "192.0.2.20");
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token=") && !c.includes("Max-Age=0"))).toBe(
      false,
    );
    expect(await portal().db.$count(session)).toBe(before);
  });

  it("refuses an eleventh attempt from one address within a minute, even with the right password", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt("wrong-password-123", "192.0.2.30")).status);
    expect(statuses.every((status) => status === 401)).toBe(true);
    const blocked = await attempt(PASSWORD, "192.0.2.30");
    expect(blocked.status).toBe(429);
    // Another address is not affected.
    expect((await attempt(PASSWORD, "192.0.2.31")).status).toBe(200);
  });

  it("without a session, an API route answers 401 problem+json", async () => {
    const response = await call(me, `${BASE}/api/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 401, type: "urn:lotbridge:problem:unauthenticated" });
  });

  it("after signing out, the old cookie no longer works", async () => {
    const cookie = await signIn(auth, BASE, "ann@mill-a.example", PASSWORD);
    const out = await call(auth, `${BASE}/api/auth/sign-out`, { cookie, body: {} });
    expect(out.status).toBe(200);
    expect((await call(me, `${BASE}/api/me`, { cookie })).status).toBe(401);
  });
});

describe("the sign-in rate limit, with no trusted proxy (TRUSTED_PROXIES empty)", () => {
  it("counts a client that rotates X-Forwarded-For by its socket address: the eleventh attempt is refused", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      statuses.push(
        (await signInThroughProxy("203.0.113.7", `198.18.0.${i}`, "ann@mill-a.example", "wrong-1234")).status,
      );
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    expect((await signInThroughProxy("203.0.113.7", "198.18.0.99", "ann@mill-a.example", PASSWORD)).status).toBe(429);
  });

  it("does not let a forged X-Forwarded-For lock its victim out", async () => {
    for (let i = 0; i < 11; i++) {
      await signInThroughProxy("203.0.113.8", "203.0.113.9", "ann@mill-a.example", "wrong-1234");
    }
    expect((await signInThroughProxy("203.0.113.9", undefined, "ann@mill-a.example", PASSWORD)).status).toBe(200);
  });
});
