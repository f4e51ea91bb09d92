import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import { call, signIn } from "@lotbridge/http/testing/test-client";
import { expect, it } from "vitest";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { portal } from "@/server/portal";
import { GET, POST } from "./route";

const BASE = "http://localhost:3001";

it("a producer organization's admin adds a colleague, who then signs in to the same organization", async () => {
  await createOrganizationWithUsers(portal().db, { name: "Field Coop", slug: "field-coop" }, [
    { name: "Fenna", email: "fenna@field.example", password: "correct-horse-battery", role: "admin" },
  ]);
  const fenna = await signIn(auth, BASE, "fenna@field.example", "correct-horse-battery");
  const response = await call(POST, `${BASE}/api/team`, {
    cookie: fenna,
    body: { name: "Gus", email: "gus@field.example" },
  });
  expect(response.status).toBe(201);
  const { password } = await response.json();
  const gus = await signIn(auth, BASE, "gus@field.example", password);
  const team = (await (await call(GET, `${BASE}/api/team`, { cookie: gus })).json()).data;
  expect(team.map((p: { email: string; role: string }) => [p.email, p.role])).toEqual([
    ["fenna@field.example", "admin"],
    ["gus@field.example", "member"],
  ]);
});
