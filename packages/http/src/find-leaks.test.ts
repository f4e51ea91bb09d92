import { expect, it } from "vitest";
import { findLeaks } from "./find-leaks";

it("finds a known secret, a whsec secret without its prefix, and the shapes of secrets, by line", () => {
  const log = [
    '{"msg":"request","path":"/api/bids","status":201}',
    '{"msg":"sent","error":"signature with c2VjcmV0LXNlY3JldC1zZWNyZXQ="}',
    "Failed query: select 1 where token = $1\nparams: abc",
    '{"cookie":"lotbridge-buyer.session_token=AbCdEfGhIjKlMnOpQrStUv.sig"}',
    '{"key":"lbk_0123456789abcdef0123456789abcdef"}',
    '{"body":{"email":"a@b.example","password":"hunter2"}}',
    '{"msg":"delivered","secret":"my-api-key-value-123"}',
  ].join("\n");
  const leaks = findLeaks(log, ["whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ=", "my-api-key-value-123", "short"]);
  expect(leaks.map((leak) => leak.line)).toEqual([2, 4, 5, 6, 7, 8]);
  expect(leaks.find((leak) => leak.line === 4)?.what).toBe("a failed query's values (drizzle's params:)");
});

it("passes ordinary log lines, a key's visible prefix and a query without its values", () => {
  const log = [
    '{"msg":"request","method":"POST","path":"/api/admin/api-keys","status":201,"ms":12}',
    '{"msg":"API key issued","prefix":"lbk_AbCdEfGh"}',
    '{"error":{"name":"QueryFailed","message":"select \\"id\\" from \\"session\\" where \\"token\\" = $1"}}',
  ].join("\n");
  expect(findLeaks(log, ["whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQ="])).toEqual([]);
});
