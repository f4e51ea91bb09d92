import { currentMember } from "@lotbridge/auth/current-member";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { plainDecimal } from "@lotbridge/ui/offer-rounds";
import { headers } from "next/headers";
import { listBuyerContracts } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";

export default async function ContractsPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const contracts = me ? await listBuyerContracts(db, me.organizationId) : [];
  return (
    <section className="stack">
      <h1>Contracts</h1>
      {contracts.length === 0 ? (
        <p className="muted">No contracts yet. Accepting a bid or a counter-offer makes one.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Number</th>
              <th>Lot</th>
              <th>Producer</th>
              <th>Volume</th>
              <th>Total</th>
              <th>Status</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {contracts.map((contract) => (
              <tr key={contract.id}>
                <td>
                  <a href={`/contracts/${contract.id}`}>{contract.number}</a>
                </td>
                <td>
                  {contract.lotNumber}
                  <div className="muted">{contract.lotTitle}</div>
                </td>
                <td>{contract.producerName}</td>
                <td>
                  {plainDecimal(contract.volume)} {contract.unit}
                </td>
                <td>
                  {contract.total} {contract.currency}
                </td>
                <td>
                  <span className="badge">{CONTRACT_STATUS_LABEL[contract.status]}</span>
                </td>
                <td>
                  <time dateTime={contract.createdAt.toISOString()}>{contract.createdAt.toUTCString()}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
