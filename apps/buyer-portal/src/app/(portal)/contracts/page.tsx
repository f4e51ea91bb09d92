import { currentMember } from "@lotbridge/auth/current-member";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { listBuyerContracts } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";

export default async function ContractsPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const contracts = me ? await listBuyerContracts(db, me.organizationId) : [];
  const timeZone = await readViewerTimeZone();
  return (
    <section className="stack">
      <h1>Contracts</h1>
      {contracts.length > 0 && <a href="/contracts.csv">Download contracts (CSV)</a>}
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
                <td>{formatQuantity(contract.volume, contract.unit)}</td>
                <td>{formatMoney(contract.total, contract.currency)}</td>
                <td>
                  <span className="badge">{CONTRACT_STATUS_LABEL[contract.status]}</span>
                </td>
                <td>
                  <time dateTime={contract.createdAt.toISOString()}>
                    {formatDateTime(contract.createdAt, timeZone)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
