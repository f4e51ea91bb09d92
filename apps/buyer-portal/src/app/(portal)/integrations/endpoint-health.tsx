import { formatDateTime } from "@lotbridge/format/format-date-time";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { listEndpointHealth } from "@/integration/endpoint-health-view";
import { portal } from "@/server/portal";
import { EndpointHealthActions } from "./endpoint-health-actions";

/**
 * Every webhook endpoint's delivery health, for the Integrations page (operators only; the page checks). An endpoint
 * failing for days is disabled automatically; here an operator enables it again and replays what it missed.
 */
export async function EndpointHealthSection() {
  const timeZone = await readViewerTimeZone();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "—");
  const endpoints = await listEndpointHealth(portal().db);
  return (
    <article className="card stack" aria-labelledby="endpoint-health-heading">
      <h2 id="endpoint-health-heading">Endpoint health</h2>
      {endpoints.length === 0 ? (
        <p className="muted">No webhook endpoint is configured.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Endpoint</th>
              <th>State</th>
              <th>Last delivery</th>
              <th>Failed (24 h)</th>
              <th>Waiting · dead</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {endpoints.map((endpoint) => (
              <tr key={endpoint.id}>
                <td>
                  {endpoint.url}
                  <div className="muted">
                    <code>{endpoint.id}</code>
                    {endpoint.subscriber ? ` · ${endpoint.subscriber}` : ""}
                  </div>
                </td>
                <td>
                  {endpoint.enabled ? (
                    <span className={endpoint.failingSince ? "badge error" : "badge"}>
                      {endpoint.failingSince ? `failing since ${when(endpoint.failingSince)}` : "healthy"}
                    </span>
                  ) : (
                    <span className="badge error">disabled: {endpoint.disabledReason}</span>
                  )}
                </td>
                <td>{when(endpoint.lastDeliveredAt)}</td>
                <td>{endpoint.failedLast24h}</td>
                <td>
                  {endpoint.pending} · {endpoint.dead}
                </td>
                <td>
                  <EndpointHealthActions id={endpoint.id} enabled={endpoint.enabled} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
