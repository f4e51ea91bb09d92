import { currentMember } from "@lotbridge/auth/current-member";
import { headers } from "next/headers";
import { listOrganizationLots } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";

export default async function LotsPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const lots = me ? await listOrganizationLots(db, me.organizationId) : [];
  return (
    <section className="stack">
      <h1>Your lots</h1>
      {lots.length === 0 ? (
        <p className="muted">No lots yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Number</th>
              <th>Title</th>
              <th>Commodity</th>
              <th>Volume</th>
              <th>Bidding deadline</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((lot) => (
              <tr key={lot.id}>
                <td>
                  <a href={`/lots/${lot.id}`}>{lot.number}</a>
                </td>
                <td>{lot.title}</td>
                <td>{lot.commodity}</td>
                <td>
                  {lot.volume} {lot.unit}
                </td>
                <td>{new Date(lot.biddingDeadline).toUTCString()}</td>
                <td>
                  <span className="badge">{lot.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
