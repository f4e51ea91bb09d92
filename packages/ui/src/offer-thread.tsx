import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import { OFFER_STATUS_LABEL, type OfferRound, offerChanges, type Party } from "./offer-rounds";

/**
 * The negotiation as a timeline, oldest round first, each round with what it changed from the one before. `parties`
 * names each side as the reader knows it: the reader's own side is "You". Times are written in `timeZone`, the viewer's.
 */
export function OfferThread({
  offers,
  unit,
  parties,
  timeZone,
}: {
  offers: OfferRound[];
  unit: string;
  parties: Record<Party, string>;
  timeZone: string;
}) {
  const time = (iso: string) => <time dateTime={iso}>{formatDateTime(iso, timeZone)}</time>;
  return (
    <section className="card stack" aria-labelledby="thread-heading">
      <h2 id="thread-heading">Negotiation</h2>
      {offers.length === 0 ? (
        <p className="muted">No rounds yet.</p>
      ) : (
        <ol className="offer-thread">
          {offers.map((offer, i) => {
            const changes = offerChanges(offers[i - 1], offer);
            return (
              <li key={offer.id} className={`offer-round from-${offer.fromParty}`}>
                <h3>
                  Round {offer.round} · {parties[offer.fromParty]}{" "}
                  <span className={`badge offer-${offer.status}`}>{OFFER_STATUS_LABEL[offer.status]}</span>
                </h3>
                {changes.length > 0 && <p className="offer-changes">Changed: {changes.join(", ")}</p>}
                <dl className="facts">
                  <dt>Volume</dt>
                  <dd>{formatQuantity(offer.volume, unit)}</dd>
                  <dt>Price per unit</dt>
                  <dd>{formatPrice(offer.pricePerUnit, offer.currency, unit)}</dd>
                  <dt>Total</dt>
                  <dd>{formatMoney(offer.total, offer.currency)}</dd>
                  <dt>Delivery terms</dt>
                  <dd>{offer.deliveryTerms || "—"}</dd>
                  <dt>Message</dt>
                  <dd>{offer.message || "—"}</dd>
                  <dt>{offer.status === "pending" ? "Expires" : "Was open until"}</dt>
                  <dd>{time(offer.expiresAt)}</dd>
                  <dt>Made</dt>
                  <dd>{time(offer.createdAt)}</dd>
                </dl>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
