import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitJson, UNREACHABLE } from "./submit-json";

// A real HTTP server answers as the portals do: JSON on success, RFC 9457 problem+json on refusal, and once not at all.
let server: Server;
let base: string;
const received: { method?: string; type?: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      received.push({ method: request.method, type: request.headers["content-type"], body });
      const problem = (status: number, answer: unknown) => {
        response.writeHead(status, { "content-type": "application/problem+json" });
        response.end(JSON.stringify(answer));
      };
      switch (request.url) {
        case "/bids":
          response.writeHead(202, { "content-type": "application/json" });
          return response.end(JSON.stringify({ id: "pbid_1" }));
        case "/empty":
          response.writeHead(204);
          return response.end();
        case "/refused":
          return problem(422, {
            type: "https://lotbridge.example/problems/validation",
            title: "Invalid input",
            detail: "The bid was not placed.",
            errors: [
              { field: "volume", message: "must be at most 500" },
              { field: "volume", message: "a second message for the same field" },
              { field: "pricePerUnit", message: "Is required." },
            ],
          });
        case "/restarting":
          return problem(503, { title: "Service unavailable" });
        case "/html":
          response.writeHead(502, { "content-type": "text/html" });
          return response.end("<h1>Bad gateway</h1>");
        case "/silent":
          return; // never answers
        default:
          response.writeHead(404);
          return response.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("submitJson", () => {
  it("sends the body as JSON and hands back the answer's body", async () => {
    const answer = await submitJson<{ id: string }>({ url: `${base}/bids`, body: { volume: "25" } });
    expect(answer).toEqual({ ok: true, status: 202, body: { id: "pbid_1" } });
    expect(received.at(-1)).toEqual({ method: "POST", type: "application/json", body: '{"volume":"25"}' });
  });

  it("sends no body and no content type when there is none, and reads an empty answer", async () => {
    const answer = await submitJson({ url: `${base}/empty`, method: "DELETE" });
    expect(answer).toEqual({ ok: true, status: 204, body: {} });
    expect(received.at(-1)).toEqual({ method: "DELETE", type: undefined, body: "" });
  });

  it("turns a problem+json refusal into its sentence and one message per field, as sentences", async () => {
    const answer = await submitJson({ url: `${base}/refused`, body: {} });
    expect(answer).toEqual({
      ok: false,
      kind: "refused",
      status: 422,
      detail: "The bid was not placed.",
      fieldErrors: { volume: "Must be at most 500.", pricePerUnit: "Is required." },
      retryable: false,
    });
  });

  it("calls a portal that is restarting retryable, and words an answer that is not JSON by its status", async () => {
    expect(await submitJson({ url: `${base}/restarting` })).toMatchObject({
      kind: "refused",
      detail: "Service unavailable",
      retryable: true,
    });
    expect(await submitJson({ url: `${base}/html` })).toMatchObject({
      kind: "refused",
      status: 502,
      detail: "The portal refused this (HTTP 502); nothing changed.",
      retryable: true,
    });
  });

  it("returns, never throws, when the portal cannot be reached or does not answer in time", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = { ok: false, kind: "unreachable", detail: UNREACHABLE, fieldErrors: {}, retryable: true };
    expect(await submitJson({ url: `http://127.0.0.1:${port}/bids`, body: {} })).toEqual(unreachable);
    expect(await submitJson({ url: `${base}/silent`, body: {}, timeoutMs: 200 })).toEqual(unreachable);
  });
});
