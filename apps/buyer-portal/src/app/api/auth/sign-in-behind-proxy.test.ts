import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { closePortal, portal } from "@/server/portal";
import { signInThroughProxy } from "@/test/sign-in-through-proxy";

const PASSWORD = "correct-horse-battery";
const NGINX = "127.0.0.1";

beforeAll(async () => {
  vi.stubEnv("TRUSTED_PROXIES", `${NGINX}, 10.1.0.0/16`);
  // The test set-up opened the portal already; the next portal() reads the configuration again, with the proxy.
  await closePortal();
  await createOrganizationWithUsers(portal().db, { name: "Mill P", slug: "mill-p" }, [
    { name: "Pat", email: "pat@mill-p.example", password: PASSWORD, role: "admin" },
  ]);
});
afterAll(() => vi.unstubAllEnvs());

const attempt = (socket: string, forwardedFor: string | undefined, password: string) =>
  signInThroughProxy(socket, forwardedFor, "pat@mill-p.example", password);

it("with TRUSTED_PROXIES naming the proxy, counts each client by the address the proxy forwards", async () => {
  for (let i = 0; i < 10; i++) expect((await attempt(NGINX, "198.51.100.7", "wrong-1234")).status).toBe(401);
  expect((await attempt(NGINX, "198.51.100.7", PASSWORD)).status).toBe(429);
  // Another client behind the same proxy, and one forwarded through a second trusted hop, are their own addresses.
  expect((await attempt(NGINX, "198.51.100.8", PASSWORD)).status).toBe(200);
  expect((await attempt(NGINX, "198.51.100.7, 10.1.2.3", PASSWORD)).status).toBe(429);
});

it("a client reaching the portal directly is counted by its socket, whatever X-Forwarded-For it sends", async () => {
  for (let i = 0; i < 10; i++) await attempt("203.0.113.20", `198.18.1.${i}`, "wrong-1234");
  expect((await attempt("203.0.113.20", "198.18.1.99", PASSWORD)).status).toBe(429);
});
