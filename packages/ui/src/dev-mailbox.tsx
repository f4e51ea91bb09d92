import { formatDateTime } from "@lotbridge/format/format-date-time";

interface Mail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string | Date;
}

/** The mail a portal would have sent, when no SMTP server is configured: what a newcomer's users would receive. */
export function DevMailbox({ mails, timeZone }: { mails: Mail[]; timeZone: string }) {
  if (mails.length === 0) return <p className="muted">No mail yet.</p>;
  return (
    <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
      {mails.map((mail) => (
        <li key={mail.id} className="card">
          <details>
            <summary>
              <strong>{mail.subject}</strong> — to {mail.to} · {formatDateTime(mail.createdAt, timeZone)}
            </summary>
            <pre style={{ whiteSpace: "pre-wrap" }}>{mail.text}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
