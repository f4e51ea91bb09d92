import { currentMember } from "@lotbridge/auth/current-member";
import { isOperator } from "@lotbridge/auth/is-operator";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { integrationStatus } from "@/integration/integration-status";
import { listUnappliedEvents } from "@/integration/list-unapplied-events";
import { portal } from "@/server/portal";
import { ReplayButton } from "./replay-button";

export const dynamic = "force-dynamic";

export default async function IntegrationPage() {
  const timeZone = await readViewerTimeZone();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(iso, timeZone) : "—");
  const { auth, db, config } = portal();
  const me = await currentMember(auth, db, await headers());
  // Portal-wide (every organization's calls): only an operator's membership may know the page is there.
  if (!me || !(await isOperator(db, me.memberId))) notFound();
  const status = await integrationStatus(db, { buyerPortalUrl: config.BUYER_PORTAL_URL });
  const { reconciliation } = status;
  const unapplied = await listUnappliedEvents(db);
  return (
    <section className="stack">
      <h1>Integration</h1>
      <div className="card">
        <dl className="facts">
          <dt>Buyer portal</dt>
          <dd>{status.buyerPortalUrl}</dd>
          <dt>Last event received</dt>
          <dd>
            {status.lastEventReceived
              ? `${status.lastEventReceived.type} (${status.lastEventReceived.id}) at ${when(status.lastEventReceived.receivedAt)}`
              : "None yet"}
          </dd>
          <dt>Events feed cursor</dt>
          <dd>{reconciliation.cursor ?? "Not read yet"}</dd>
          <dt>Last reconciliation</dt>
          <dd>
            {reconciliation.lastRun ? (
              <>
                <span className="badge">{reconciliation.lastRun.outcome}</span> {when(reconciliation.lastRun.at)}
              </>
            ) : (
              "Not run yet"
            )}
          </dd>
          <dt>Last reconciliation error</dt>
          <dd>
            {reconciliation.lastError
              ? `${reconciliation.lastError.message} (${when(reconciliation.lastError.at)})`
              : "None"}
          </dd>
        </dl>
      </div>
      <h2>Events not applied</h2>
      <p className="muted">
        Failed: could not be applied here; parked after its last attempt, Replay once the cause is fixed. Refused: about
        a bid or contract this portal did not place; never applied.
      </p>
      {unapplied.length === 0 ? (
        <p className="muted">None: every event received was applied.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Event</th>
              <th>Type</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Reason</th>
              <th>Received / last tried</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {unapplied.map((event) => (
              <tr key={event.id}>
                <td>
                  <code>{event.id}</code>
                </td>
                <td>{event.type}</td>
                <td>
                  <span className="badge">{event.parked ? "failed, parked" : event.status}</span>
                </td>
                <td>{event.attempts}</td>
                <td>{event.reason ?? "—"}</td>
                <td>
                  {when(event.receivedAt)} / {when(event.updatedAt)}
                </td>
                <td>{event.status === "failed" && <ReplayButton eventId={event.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Calls to the buyer portal</h2>
      {status.outbound.length === 0 ? (
        <p className="muted">No calls yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Call</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last answer</th>
              <th>Queued</th>
              <th>Delivered / next attempt</th>
            </tr>
          </thead>
          <tbody>
            {status.outbound.map((message) => (
              <tr key={message.id}>
                <td>
                  <code>{message.call}</code>
                </td>
                <td>
                  <span className="badge">{message.status}</span>
                </td>
                <td>{message.attempts}</td>
                <td>{message.lastError ?? message.lastStatus ?? "—"}</td>
                <td>{when(message.createdAt)}</td>
                <td>{when(message.deliveredAt ?? message.nextAttemptAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
