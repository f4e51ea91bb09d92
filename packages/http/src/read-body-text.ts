import { DomainError } from "@lotbridge/contract/problem";

/**
 * Reads a request body as text, refusing it with 413 `payload-too-large` once it passes `maxBytes`: at once when
 * Content-Length already says so, otherwise as soon as the bytes streamed in exceed the limit. The rest is never read
 * (the stream is cancelled), so a caller cannot make the server hold more than `maxBytes`, whatever it declares.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError("payload-too-large", 413, `The body is larger than ${maxBytes / 1_000_000} MB.`);
}
