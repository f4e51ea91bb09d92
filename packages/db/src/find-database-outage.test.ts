import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { findDatabaseOutage } from "./find-database-outage";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("recognising a database outage", () => {
  it("finds the driver's error inside drizzle's wrapper, which quotes the query and its parameters", () => {
    const cause = new Error("Query read timeout");
    const wrapped = new DrizzleQueryError("select * from session where token = $1", ["the-token"], cause);
    expect(findDatabaseOutage(wrapped)).toBe(cause);
  });

  it.each([
    withCode("terminating connection due to administrator command", "57P01"),
    withCode("the database system is starting up", "57P03"),
    withCode("sorry, too many clients already", "53300"),
    withCode("connection failure", "08006"),
    withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"),
    new Error("Connection terminated due to connection timeout"),
    new Error("timeout exceeded when trying to connect"),
    new Error("Client has encountered a connection error and is not queryable"),
    new AggregateError([withCode("connect ECONNREFUSED ::1:5432", "ECONNREFUSED")], "connect failed"),
  ])("counts %s as an outage", (error) => {
    expect(findDatabaseOutage(error)).toBeDefined();
  });

  it.each([
    withCode("canceling statement due to statement timeout", "57014"),
    withCode('duplicate key value violates unique constraint "lot_pkey"', "23505"),
    new Error("Cannot read properties of undefined"),
    "not an error",
  ])("does not count %s", (error) => {
    expect(findDatabaseOutage(error)).toBeUndefined();
  });
});
