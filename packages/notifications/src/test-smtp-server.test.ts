import { connect, type Socket } from "node:net";
import { createTransport } from "nodemailer";
import { afterEach, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../testing/test-smtp-server";

let server: TestSmtpServer | undefined;
afterEach(() => server?.close());

/** Opens a session, starts a message, and resets the connection the way a killed sender's kernel does. */
async function dropMidMessage(port: number): Promise<void> {
  const socket = connect(port, "127.0.0.1");
  const reply = (code: string) =>
    new Promise<void>((resolve) => {
      let seen = "";
      const onData = (chunk: Buffer) => {
        seen += chunk.toString();
        if (new RegExp(`^${code} `, "m").test(seen)) {
          socket.off("data", onData);
          resolve();
        }
      };
      socket.on("data", onData);
    });
  const step = async (line: string, code: string) => {
    const answered = reply(code);
    socket.write(`${line}\r\n`);
    await answered;
  };
  await reply("220");
  await step("EHLO killed.example", "250");
  await step("MAIL FROM:<portal@buyer.example>", "250");
  (socket as Socket & { resetAndDestroy(): void }).resetAndDestroy();
}

it("keeps serving after senders die mid-message, as a real SMTP server does", async () => {
  server = await startTestSmtpServer();
  const port = server.port;
  await dropMidMessage(port);
  await dropMidMessage(port);
  await expect.poll(() => server?.connectionErrors.length).toBe(2);

  await createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }).sendMail({
    from: "portal@buyer.example",
    to: "anna@northfield.example",
    subject: "Still here",
    text: "The server survived.",
  });
  expect(server.mails.map((mail) => mail.headers.subject)).toEqual(["Still here"]);
});
