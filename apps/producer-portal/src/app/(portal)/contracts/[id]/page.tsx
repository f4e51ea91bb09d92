import { currentMember } from "@lotbridge/auth/current-member";
import { DomainError } from "@lotbridge/contract/problem";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatTolerance } from "@lotbridge/format/format-delivery-terms";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { SignContractButton } from "@lotbridge/ui/sign-contract-button";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { findOrganizationContract } from "@/domain/contracts/find-organization-contract";
import { describeRange } from "@/domain/deliveries/describe-range";
import { listContractDispatches } from "@/domain/deliveries/list-contract-dispatches";
import { readSettlementDocument } from "@/domain/deliveries/read-settlement-document";
import { portal } from "@/server/portal";
import { LiveRefresh } from "@/ui/live-refresh";
import "@lotbridge/ui/negotiation.css";
import { Facts } from "@lotbridge/ui/facts";
import { AnnounceDispatchForm } from "./announce-dispatch-form";
import { DeliverySection } from "./delivery-section";
import "./delivery.css";

export const dynamic = "force-dynamic";

const PARTY = { buyer: "Buyer", producer: "Your organization" } as const;

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const row = await findOrganizationContract(db, me.organizationId, (await params).id).catch((error) => {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  });
  const { snapshot: contract, pendingChange } = row;
  const { terms, lot, delivery } = contract;
  const timeZone = await readViewerTimeZone();
  const deliverable = contract.status === "active" || contract.status === "in_delivery";
  const [ownDispatches, settlement] = await Promise.all([
    listContractDispatches(db, me.organizationId, contract.id),
    delivery.settlement ? readSettlementDocument(db, me.organizationId, contract.id) : null,
  ]);
  const closedShort = contract.statusHistory.findLast((change) => change.status === "closed_short");
  const producerSigned = contract.signatures.some((s) => s.party === "producer");
  const signable = contract.status === "pending_signature" && !producerSigned && !pendingChange;
  const facts: [string, string][] = [
    ["Buyer", contract.buyer.name],
    ["Producer", `${contract.producer.name} (${contract.producer.contactName}, ${contract.producer.contactEmail})`],
    ["Lot", `${lot.number} · ${lot.title}`],
    ["Commodity", lot.commodity],
    ["Quality specifications", lot.qualitySpecs || "—"],
    ["Volume", formatQuantity(terms.volume, terms.unit)],
    ["Price per unit", formatPrice(terms.pricePerUnit, terms.currency, terms.unit)],
    ["Total", formatMoney(terms.total, terms.currency)],
    ["Payment terms", terms.paymentTerms],
    ["Incoterm", terms.incoterm],
    ["Delivery location", terms.deliveryLocation],
    ["Delivery window", `${formatDate(terms.deliveryStart)} – ${formatDate(terms.deliveryEnd)}`],
    ["Tolerance", formatTolerance(terms.tolerance)],
    [
      "Quality parameters",
      terms.qualityParameters.length === 0
        ? "none agreed"
        : terms.qualityParameters.map((p) => `${p.name}: ${describeRange(p)}`).join("; "),
    ],
    ["Agreed", formatDateTime(contract.createdAt, timeZone)],
  ];
  return (
    <article className="stack">
      <LiveRefresh />
      <p>
        <a href="/contracts">← Contracts</a>
      </p>
      <h1>
        Contract {contract.number} <span className="badge">{CONTRACT_STATUS_LABEL[contract.status]}</span>
      </h1>
      {contract.status === "cancelled" && (
        <p role="alert" className="error">
          Cancelled: {contract.cancellationReason || "the buyer gave no reason"}.
        </p>
      )}
      {contract.status === "closed_short" && (
        <p role="alert" className="error">
          Closed short: {closedShort?.reason || "the buyer gave no reason"}.
        </p>
      )}
      {deliverable && delivery.overdueSince && (
        <p role="alert" className="overdue-banner" data-testid="overdue">
          Deliveries are overdue: the delivery window ended {formatDate(terms.deliveryEnd)} with{" "}
          {formatQuantity(delivery.ledger.remaining, terms.unit)} still to deliver (at least{" "}
          {formatQuantity(delivery.ledger.minimum, terms.unit)} accepted fulfils the contract).
        </p>
      )}
      {pendingChange && (
        <p role="status" className="card">
          Your signature ({pendingChange.signerName}) is on its way to the buyer.
        </p>
      )}
      <Facts items={facts} card />
      <p>
        <a href={`/api/contracts/${contract.id}/document`} download>
          Download PDF
        </a>
      </p>
      {signable && (
        <SignContractButton
          contractId={contract.id}
          confirmation={`Sign contract ${contract.number} for your organization? This binds it to the terms shown.`}
          signedNote="Your signature is on its way to the buyer."
        />
      )}
      {settlement && delivery.settlement && (
        <section className="card stack" aria-labelledby="settlement-heading">
          <h2 id="settlement-heading">Settlement statement</h2>
          <p>
            Issued{" "}
            <time dateTime={delivery.settlement.issuedAt}>
              {formatDateTime(delivery.settlement.issuedAt, timeZone)}
            </time>
            .{" "}
            <a href={`/api/contracts/${contract.id}/settlement`} download>
              Download the settlement statement (PDF)
            </a>
          </p>
          <p>
            SHA-256 <code data-testid="settlement-hash">{settlement.hash}</code>
          </p>
          {settlement.matches ? (
            <p role="status" data-testid="settlement-match">
              Same document as the buyer's: its hash is the one the buyer portal recorded.
            </p>
          ) : (
            <p role="alert" className="error" data-testid="settlement-match">
              This is not the buyer's document: the buyer portal recorded SHA-256 <code>{settlement.issuedHash}</code>.
              Ask the buyer for their copy before relying on this one.
            </p>
          )}
        </section>
      )}
      {deliverable && (
        <AnnounceDispatchForm contractId={contract.id} unit={terms.unit} deliveryStart={terms.deliveryStart} />
      )}
      {(deliverable ||
        contract.status === "fulfilled" ||
        contract.status === "closed_short" ||
        delivery.tickets.length > 0 ||
        delivery.dispatches.length > 0) && (
        <DeliverySection contract={contract} ownDispatches={ownDispatches} timeZone={timeZone} />
      )}
      <section className="card stack" aria-labelledby="signatures-heading">
        <h2 id="signatures-heading">Signatures</h2>
        {contract.signatures.length === 0 ? (
          <p className="muted">Nobody has signed yet.</p>
        ) : (
          <ul className="signature-list">
            {contract.signatures.map((s) => (
              <li key={s.party}>
                {PARTY[s.party]}: {s.signerName} ({s.signerEmail}),{" "}
                <time dateTime={s.signedAt}>{formatDateTime(s.signedAt, timeZone)}</time>, document SHA-256{" "}
                <code>{s.documentHash}</code>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card stack" aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <ol>
          {contract.statusHistory.map((change) => (
            <li key={`${change.status}-${change.at}`}>
              {CONTRACT_STATUS_LABEL[change.status]} —{" "}
              <time dateTime={change.at}>{formatDateTime(change.at, timeZone)}</time>
              {change.reason && `: ${change.reason}`}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
