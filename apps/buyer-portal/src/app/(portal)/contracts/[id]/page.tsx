import { currentMember } from "@lotbridge/auth/current-member";
import { DomainError } from "@lotbridge/contract/problem";
import { documentHashOf, renderContractDocument } from "@lotbridge/documents/contract-document";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { CONTRACT_STATUS_LABEL } from "@lotbridge/ui/contract-status";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { SignContractButton } from "@lotbridge/ui/sign-contract-button";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { findContract } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";
import { CloseContractForm } from "@/ui/close-contract-form";
import { DeliverySection } from "@/ui/delivery-section";
import { describeRange, describeTolerance } from "@/ui/delivery-wording";
import { RefreshOnNotification } from "@/ui/refresh-on-notification";
import "@/ui/deliveries.css";
import "@/ui/lots.css";
import "@lotbridge/ui/negotiation.css";

const PARTY = { buyer: "Buyer", producer: "Producer" } as const;
/** Statuses whose contract has a delivery to show: from active on, until it ends with its settlement. */
const WITH_DELIVERY = new Set(["active", "in_delivery", "fulfilled", "closed_short"]);

export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) notFound();
  const contract = await findContract(
    db,
    { party: "buyer", organizationId: me.organizationId },
    (await params).id,
  ).catch((error) => {
    if (error instanceof DomainError && error.status === 404) notFound();
    throw error;
  });
  // The hash of the document as this portal serves it now: what the buyer's signature assents to.
  const documentHash = documentHashOf(await renderContractDocument(contract));
  const { buyer, producer, lot, terms } = contract;
  const timeZone = await readViewerTimeZone();
  const when = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
  const pending = contract.status === "pending_signature";
  const buyerSigned = contract.signatures.some((signature) => signature.party === "buyer");
  // Declared completed by hand only while nothing was delivered through the portal (docs/deliveries.md).
  const nothingDelivered = contract.delivery.dispatches.length === 0 && contract.delivery.tickets.length === 0;
  return (
    <article className="stack">
      <RefreshOnNotification />
      <p>
        <a href="/contracts">← Contracts</a>
      </p>
      <h1>
        Contract {contract.number} <span className="badge">{CONTRACT_STATUS_LABEL[contract.status]}</span>
      </h1>
      {contract.status === "cancelled" && (
        <p className="card error">Cancelled: {contract.cancellationReason || "no reason given"}</p>
      )}
      <section className="card stack" aria-labelledby="parties-heading">
        <h2 id="parties-heading">Parties and lot</h2>
        <dl className="facts">
          <dt>Buyer</dt>
          <dd>{buyer.name}</dd>
          <dt>Producer</dt>
          <dd>
            {producer.name}
            <div className="muted">
              Contact: {producer.contactName}, <a href={`mailto:${producer.contactEmail}`}>{producer.contactEmail}</a>
            </div>
          </dd>
          <dt>Lot</dt>
          <dd>
            <a href={`/lots/${lot.id}`}>
              {lot.number} · {lot.title}
            </a>
            <div className="muted">
              {lot.commodity}
              {lot.qualitySpecs && ` · ${lot.qualitySpecs}`}
            </div>
          </dd>
          <dt>Bid</dt>
          <dd>
            <a href={`/bids/${contract.bidId}`}>Negotiation</a>
          </dd>
        </dl>
      </section>
      <section className="card stack" aria-labelledby="terms-heading">
        <h2 id="terms-heading">Terms</h2>
        <dl className="facts">
          <dt>Volume</dt>
          <dd>{formatQuantity(terms.volume, terms.unit)}</dd>
          <dt>Price per unit</dt>
          <dd>{formatPrice(terms.pricePerUnit, terms.currency, terms.unit)}</dd>
          <dt>Total</dt>
          <dd>
            <strong>{formatMoney(terms.total, terms.currency)}</strong>
          </dd>
          <dt>Payment terms</dt>
          <dd>{terms.paymentTerms}</dd>
          <dt>Incoterm</dt>
          <dd>{terms.incoterm}</dd>
          <dt>Delivery location</dt>
          <dd>{terms.deliveryLocation}</dd>
          <dt>Delivery window</dt>
          <dd>
            {formatDate(terms.deliveryStart)} – {formatDate(terms.deliveryEnd)}
          </dd>
          <dt>Tolerance</dt>
          <dd data-testid="terms-tolerance">{describeTolerance(terms.tolerance)}</dd>
          <dt>Agreed</dt>
          <dd>{when(contract.createdAt)}</dd>
        </dl>
        <h3 id="quality-heading">Quality parameters</h3>
        {terms.qualityParameters.length === 0 ? (
          <p className="muted">
            None agreed{lot.qualitySpecs ? `; the lot's specifications: ${lot.qualitySpecs}` : ""}.
          </p>
        ) : (
          <table aria-labelledby="quality-heading">
            <thead>
              <tr>
                <th>Parameter</th>
                <th>Unit</th>
                <th>In spec</th>
              </tr>
            </thead>
            <tbody>
              {terms.qualityParameters.map((parameter) => (
                <tr key={parameter.name}>
                  <td>{parameter.name}</td>
                  <td>{parameter.unit}</td>
                  <td>{describeRange(parameter)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {WITH_DELIVERY.has(contract.status) && <DeliverySection contract={contract} timeZone={timeZone} />}
      <section className="card stack" aria-labelledby="document-heading">
        <h2 id="document-heading">Document and signatures</h2>
        <dl className="facts">
          <dt>Document SHA-256</dt>
          <dd>
            <code className="hash">{documentHash}</code>
          </dd>
        </dl>
        <p>
          <a className="button" href={`/api/contracts/${contract.id}/document`} download>
            Download PDF
          </a>
        </p>
        {contract.signatures.length === 0 ? (
          <p className="muted">Nobody has signed yet.</p>
        ) : (
          <ul className="signature-list">
            {contract.signatures.map((signature) => (
              <li key={signature.party}>
                <strong>{PARTY[signature.party]}</strong>: {signature.signerName} ({signature.signerEmail}),{" "}
                {when(signature.signedAt)}
                <div>
                  Document SHA-256 <code className="hash">{signature.documentHash}</code>
                  {signature.documentHash !== documentHash && (
                    <>
                      {" "}
                      <span className="badge error">differs from the current document</span>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {pending && !buyerSigned && (
          <SignContractButton
            contractId={contract.id}
            body={{ documentHash }}
            hint="You sign the document with the SHA-256 shown above, for your organization."
          />
        )}
        {pending && buyerSigned && (
          <p className="muted">You have signed; the contract becomes active once {producer.name} signs.</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="history-heading">
        <h2 id="history-heading">Status history</h2>
        <table>
          <thead>
            <tr>
              <th>Status</th>
              <th>Time</th>
              <th>Reason or note</th>
            </tr>
          </thead>
          <tbody>
            {contract.statusHistory.map((change) => (
              <tr key={`${change.status}-${change.at}`}>
                <td>{CONTRACT_STATUS_LABEL[change.status]}</td>
                <td>{when(change.at)}</td>
                <td>{change.reason || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {pending && <CloseContractForm contractId={contract.id} ending="cancel" />}
      {contract.status === "active" && nothingDelivered && (
        <CloseContractForm contractId={contract.id} ending="complete" />
      )}
    </article>
  );
}
