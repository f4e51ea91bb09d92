import { formatDateTime } from "@lotbridge/format/format-date-time";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { listPlatforms } from "@/integration/manage-platforms";
import { portal } from "@/server/portal";
import { EndpointSettings, NewEndpointForm, NewPlatformForm } from "./platform-actions";

/**
 * The producer platforms the buyer portal serves, for the Integrations page (operators only; the page checks): each
 * with its webhook endpoints (filter, state, health) and API keys. Every platform sees every lot, and only its own
 * bids and contracts.
 */
export async function ProducerPlatformsSection() {
  const timeZone = await readViewerTimeZone();
  const when = (iso: string | null) => (iso ? formatDateTime(iso, timeZone) : "—");
  const platforms = await listPlatforms(portal().db);
  return (
    <article className="card stack" aria-labelledby="platforms-heading">
      <h2 id="platforms-heading">Producer platforms</h2>
      <p className="muted">
        Lot events go to every platform; bid and contract events only to the platform that placed the bid.
      </p>
      {platforms.map((platform) => (
        <section key={platform.id} className="stack" aria-labelledby={`platform-${platform.id}`}>
          <h3 id={`platform-${platform.id}`}>
            {platform.name} <code className="muted">{platform.id}</code>
          </h3>
          <table>
            <thead>
              <tr>
                <th>Endpoint</th>
                <th>Event types</th>
                <th>State</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {platform.endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <td>
                    {endpoint.url}
                    <div className="muted">
                      <code>{endpoint.id}</code>
                    </div>
                  </td>
                  <td>{endpoint.eventTypes?.join(", ") ?? "all"}</td>
                  <td>
                    {!endpoint.enabled ? (
                      <span className="badge error">disabled: {endpoint.disabledReason}</span>
                    ) : endpoint.failingSince ? (
                      <span className="badge error">failing since {when(endpoint.failingSince)}</span>
                    ) : (
                      <span className="badge">enabled</span>
                    )}
                  </td>
                  <td>
                    <EndpointSettings platformId={platform.id} endpointId={endpoint.id} enabled={endpoint.enabled} />
                  </td>
                </tr>
              ))}
              {platform.endpoints.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No webhook endpoint: this platform reads the events feed only.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <p className="muted">
            Keys:{" "}
            {platform.apiKeys.length === 0
              ? "none yet (issue one below with this platform's id)"
              : platform.apiKeys
                  .map((key) => `${key.name} (${key.prefix}…${key.revokedAt ? ", revoked" : ""})`)
                  .join("; ")}
          </p>
          <NewEndpointForm platformId={platform.id} />
        </section>
      ))}
      <NewPlatformForm />
    </article>
  );
}
