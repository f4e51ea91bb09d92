import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";

export interface ReceivedMail {
  from: string;
  recipients: string[];
  headers: Record<string, string>;
  /** The text/plain and text/html parts, decoded. */
  text: string;
  html: string;
}

export interface TestSmtpServerOptions {
  port?: number;
  /** Recipients answered with a permanent 550 at RCPT TO. */
  unknownRecipients?: string[];
  /** Refuses every login with a reply that repeats the password, as a careless server might. */
  refuseLogins?: boolean;
}

export interface TestSmtpServer {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Errors of connections that broke off (e.g. a sender killed mid-message); the server keeps serving. */
  connectionErrors: Error[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 for tests (no TLS, login optional): records what it accepts. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.refuseLogins) callback(failure(535, `Wrong password ${auth.password}`));
      else callback(null, { user: auth.username });
    },
    onRcptTo(address, _session, callback) {
      if (options.unknownRecipients?.includes(address.address)) callback(failure(550, "No such mailbox here"));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        mails.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          recipients: envelope.rcptTo.map((r) => r.address),
          ...parseMessage(Buffer.concat(chunks).toString("utf8")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // A sender that dies mid-message (a portal killed by a test) resets its connection; a real server logs that and
  // goes on serving. Unhandled, smtp-server's "error" event would crash the test process instead.
  const connectionErrors: Error[] = [];
  server.on("error", (error) => connectionErrors.push(error));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    connectionErrors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function failure(responseCode: number, message: string): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

function parseMessage(raw: string): Pick<ReceivedMail, "headers" | "text" | "html"> {
  const { headers, body } = splitPart(raw);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/.exec(headers["content-type"] ?? "")?.[1];
  const pieces = boundary ? body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const piece of pieces) {
    const part = splitPart(piece.replace(/^\r\n/, ""));
    const type = (part.headers["content-type"] ?? "text/plain").split(";")[0].trim();
    parts[type] = decode(part.body, part.headers["content-transfer-encoding"]);
  }
  return { headers, text: parts["text/plain"] ?? "", html: parts["text/html"] ?? "" };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(end + 4).replace(/\r\n$/, "") };
}

function decode(body: string, encoding = "7bit"): string {
  if (encoding.toLowerCase() === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding.toLowerCase() !== "quoted-printable") return body.replace(/\r\n/g, "\n");
  const bytes = body
    .replace(/=\r\n/g, "")
    .replace(/\r\n/g, "\n")
    .replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}
