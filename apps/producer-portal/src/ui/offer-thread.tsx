import type { Offer } from "@lotbridge/contract/offer";
import { OFFER_STATUS_LABEL, offerChanges, plainDecimal } from "./offer-rounds";

/** The negotiation as a timeline, oldest round first, each round with what it changed from the one before. */
export function OfferThread({ offers, unit }: { offers: Offer[]; unit: string }) {
  if (offers.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Negotiation</h2>
      <ol className="offer-thread">
        {offers.map((offer, i) => {
          const changes = offerChanges(offers[i - 1], offer);
          return (
            <li key={offer.id} className={`offer-round from-${offer.fromParty}`}>
              <h3>
                Round {offer.round} · {offer.fromParty === "buyer" ? "The buyer" : "You"}{" "}
                <span className="badge">{OFFER_STATUS_LABEL[offer.status]}</span>
              </h3>
              {changes.length > 0 && <p className="highlight">Changed: {changes.join(", ")}</p>}
              <dl className="facts">
                <dt>Volume</dt>
                <dd>
                  {plainDecimal(offer.volume)} {unit}
                </dd>
                <dt>Price per {unit}</dt>
                <dd>
                  {plainDecimal(offer.pricePerUnit, 2)} {offer.currency}
                </dd>
                <dt>Total</dt>
                <dd>
                  {offer.total} {offer.currency}
                </dd>
                <dt>Delivery terms</dt>
                <dd>{offer.deliveryTerms || "—"}</dd>
                <dt>Message</dt>
                <dd>{offer.message || "—"}</dd>
                <dt>{offer.status === "pending" ? "Expires" : "Was open until"}</dt>
                <dd>
                  <time dateTime={offer.expiresAt}>{new Date(offer.expiresAt).toUTCString()}</time>
                </dd>
                <dt>Made</dt>
                <dd>
                  <time dateTime={offer.createdAt}>{new Date(offer.createdAt).toUTCString()}</time>
                </dd>
              </dl>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
