import { inspect } from "node:util";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { concealQueryParameters, QueryFailed } from "./conceal-query-parameters";
import { findDatabaseOutage } from "./find-database-outage";

describe("concealing a failed query's parameters", () => {
  it("keeps the SQL, the stack frames and the driver's error, and drops the values the query was sent with", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const failed = new DrizzleQueryError('select * from "session" where "token" = $1', ["tok_the-secret"], cause);
    expect(inspect(failed)).toContain("tok_the-secret");

    const concealed = concealQueryParameters(failed);
    expect(concealed).toBeInstanceOf(QueryFailed);
    expect((concealed as QueryFailed).message).toBe('Failed query: select * from "session" where "token" = $1');
    expect((concealed as QueryFailed).cause).toBe(cause);
    expect((concealed as QueryFailed).stack).toMatch(/^QueryFailed: Failed query: select .*\n\s+at /);
    expect(inspect(concealed, { depth: Infinity })).not.toContain("tok_the-secret");
    expect(findDatabaseOutage(concealed)).toBe(cause);
  });

  it("leaves any other error as it is", () => {
    const other = new Error("Cannot read properties of undefined");
    expect(concealQueryParameters(other)).toBe(other);
    expect(concealQueryParameters("not an error")).toBe("not an error");
  });
});
