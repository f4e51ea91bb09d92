import { DomainError } from "@lotbridge/contract/problem";
import { describe, expect, it } from "vitest";
import { readBodyText } from "./read-body-text";

/** A body handed over in `chunkBytes` pieces, each only when read; `sent` and `cancelled` show what was read. */
function streamedRequest(text: string, chunkBytes: number, headers: Record<string, string> = {}) {
  const bytes = new TextEncoder().encode(text);
  const sender = { sent: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sender.sent === bytes.byteLength) return controller.close();
        const chunk = bytes.subarray(sender.sent, sender.sent + chunkBytes);
        sender.sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        sender.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://localhost/", { method: "POST", headers, body, duplex: "half" } as RequestInit);
  return { request, sender };
}

const tooLarge = { code: "payload-too-large", status: 413 };

describe("readBodyText", () => {
  it("reads a body of exactly the limit, characters split across pieces decoded whole", async () => {
    const text = "Grüße 谷物 🌾";
    const { request } = streamedRequest(text, 3);
    expect(await readBodyText(request, new TextEncoder().encode(text).byteLength)).toBe(text);
  });

  it("refuses a byte over the limit, counting bytes rather than characters, and cancels the rest", async () => {
    const { request, sender } = streamedRequest("é".repeat(60), 10);
    const refusal = readBodyText(request, 100);
    await expect(refusal).rejects.toBeInstanceOf(DomainError);
    await expect(refusal).rejects.toMatchObject(tooLarge);
    expect(sender).toEqual({ sent: 110, cancelled: true });
  });

  it("refuses a Content-Length over the limit before reading anything", async () => {
    const { request, sender } = streamedRequest("x".repeat(200), 10, { "content-length": "200" });
    await expect(readBodyText(request, 100)).rejects.toMatchObject(tooLarge);
    expect(sender.sent).toBe(0);
  });
});
