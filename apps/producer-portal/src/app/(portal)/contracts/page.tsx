import { currentMember } from "@lotbridge/auth/current-member";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { listOrganizationContracts } from "@/domain/contracts/list-organization-contracts";
import { portal } from "@/server/portal";

export const dynamic = "force-dynamic";

export default async function ContractsPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const contracts = await listOrganizationContracts(db, me.organizationId);
  return (
    <section className="stack">
      <h1>Contracts</h1>
      {contracts.length === 0 ? (
        <p className="muted">No contracts yet. A contract appears here when the buyer accepts one of your bids.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Contract</th>
              <th>Lot</th>
              <th>Buyer</th>
              <th>Volume</th>
              <th>Total</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map(({ id, snapshot: contract, pendingChange }) => (
              <tr key={id}>
                <td>
                  <a href={`/contracts/${id}`}>{contract.number}</a>
                </td>
                <td>
                  {contract.lot.number} · {contract.lot.title}
                </td>
                <td>{contract.buyer.name}</td>
                <td>{formatQuantity(contract.terms.volume, contract.terms.unit)}</td>
                <td>{formatMoney(contract.terms.total, contract.terms.currency)}</td>
                <td>
                  <span className="badge">{CONTRACT_STATUS_LABEL[contract.status]}</span>
                  {(contract.status === "active" || contract.status === "in_delivery") &&
                    contract.delivery.overdueSince && <div className="error">Deliveries overdue</div>}
                  {pendingChange && <div className="muted">Your signature is on its way.</div>}
                  {contract.status === "pending_signature" &&
                    !pendingChange &&
                    !contract.signatures.some((s) => s.party === "producer") && (
                      <div className="muted">Waiting for your signature</div>
                    )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
