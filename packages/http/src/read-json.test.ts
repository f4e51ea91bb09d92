import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJson } from "./read-json";

const schema = z.object({ title: z.string() });
const post = (contentType: string | undefined) =>
  new Request("http://localhost/api/lots", {
    method: "POST",
    headers: contentType === undefined ? {} : { "content-type": contentType },
    // Bytes, not a string: a string body would bring its own text/plain Content-Type.
    body: new TextEncoder().encode('{"title":"Wheat"}'),
  });

describe("reading a JSON body", () => {
  it.each(["application/json", "application/json; charset=utf-8", 'Application/JSON;charset="UTF-8"'])(
    "reads %s",
    async (type) => {
      expect(await readJson(post(type), schema)).toEqual({ title: "Wheat" });
    },
  );

  it.each([
    "text/plain;application/json",
    "text/plain; charset=application/json",
    "application/jsonp",
    "application/json-seq",
    "application/json; charset=latin1",
    "application/json; boundary=x",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=application/json",
  ])("refuses %s with 415 naming the Content-Type it had", async (type) => {
    const refusal = await readJson(post(type), schema).catch((error) => error);
    expect(refusal).toMatchObject({ code: "unsupported-media-type", status: 415 });
    expect(refusal.message).toContain(JSON.stringify(type));
  });

  it("refuses a body without a Content-Type with 415", async () => {
    const refusal = await readJson(post(undefined), schema).catch((error) => error);
    expect(refusal).toMatchObject({ code: "unsupported-media-type", status: 415 });
    expect(refusal.message).toContain("no Content-Type");
  });
});
