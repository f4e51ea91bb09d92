import type { Ledger } from "@lotbridge/contract/delivery";
import type { Tolerance } from "@lotbridge/contract/delivery-terms";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatQuantity } from "@lotbridge/format/format-quantity";

/**
 * The delivery ledger in figures: what was accepted of the volume, the tolerance's bounds, what remains, what was
 * rejected, the value so far and its discounts, and whether the accepted quantity is within the tolerance.
 * Each figure carries a test id so browser tests can compare it with the producer's page.
 */
export function LedgerSummary({
  ledger,
  tolerance,
  unit,
  currency,
}: {
  ledger: Ledger;
  tolerance: Tolerance;
  unit: string;
  currency: string;
}) {
  const quantity = (value: string) => formatQuantity(value, unit);
  return (
    <section className="card stack" aria-labelledby="ledger-heading" data-testid="ledger">
      <h2 id="ledger-heading">Ledger</h2>
      {ledger.overTolerance && (
        <p className="badge error" data-testid="ledger-over-tolerance">
          Over tolerance: more than {quantity(ledger.maximum)} accepted
        </p>
      )}
      <dl className="facts">
        <dt>Accepted</dt>
        <dd data-testid="ledger-accepted">
          <strong>{quantity(ledger.accepted)}</strong> of {quantity(ledger.volume)}
        </dd>
        <dt>Tolerance</dt>
        <dd data-testid="ledger-tolerance">
          {quantity(ledger.minimum)} – {quantity(ledger.maximum)} (±{formatDecimal(tolerance.percent)} %)
        </dd>
        <dt>Remaining</dt>
        <dd data-testid="ledger-remaining">{quantity(ledger.remaining)}</dd>
        <dt>Rejected</dt>
        <dd data-testid="ledger-rejected">{quantity(ledger.rejected)}</dd>
        <dt>Value so far</dt>
        <dd data-testid="ledger-value">{formatMoney(ledger.value, currency)}</dd>
        <dt>Discounts</dt>
        <dd data-testid="ledger-discounts">{formatMoney(ledger.discounts, currency)}</dd>
        <dt>Loads</dt>
        <dd data-testid="ledger-loads">
          {ledger.loads}
          {ledger.outOfSpecLoads > 0 && ` (${ledger.outOfSpecLoads} out of spec)`}
        </dd>
        <dt>Within tolerance</dt>
        <dd data-testid="ledger-within">{ledger.withinTolerance ? "Yes" : "No"}</dd>
      </dl>
    </section>
  );
}
