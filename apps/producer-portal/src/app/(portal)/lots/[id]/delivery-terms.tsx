import { toleranceBounds } from "@lotbridge/contract/delivery-ledger";
import { noDeliveryTerms } from "@lotbridge/contract/delivery-terms";
import type { Lot } from "@lotbridge/contract/lot";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatTolerance } from "@lotbridge/format/format-delivery-terms";
import { formatQuantity } from "@lotbridge/format/format-quantity";

/**
 * The delivery terms of a marketplace lot. A replica stored before lots carried terms has none: it reads as the buyer
 * portal answers such a lot, ±0 % and no parameters.
 */
export function deliveryTermsOf(lot: Partial<Pick<Lot, "tolerance" | "qualityParameters">>) {
  return {
    tolerance: lot.tolerance ?? noDeliveryTerms.tolerance,
    qualityParameters: lot.qualityParameters ?? [],
  };
}

/** "±5 % at seller's option; beyond tolerance refused" and the quantity it allows for the whole volume. */
export function toleranceFacts(
  lot: Pick<Lot, "volume" | "unit"> & { tolerance: Lot["tolerance"] },
): [string, string][] {
  const { minimum, maximum } = toleranceBounds(lot);
  return [
    ["Delivery tolerance", formatTolerance(lot.tolerance)],
    ["Within tolerance (whole volume)", `${formatQuantity(minimum, lot.unit)} – ${formatQuantity(maximum, lot.unit)}`],
  ];
}

const limit = (value: string | null, unit: string) => (value === null ? "—" : `${formatDecimal(value)} ${unit}`);

/** What the buyer's weighbridge will measure on each load: name, minimum, maximum; "—" for no limit. */
export function QualityParametersTable({ parameters }: { parameters: Lot["qualityParameters"] }) {
  return (
    <section className="card stack" aria-labelledby="quality-parameters-heading">
      <h2 id="quality-parameters-heading">Quality parameters</h2>
      {parameters.length === 0 ? (
        <p className="muted">None: only the quality specifications above.</p>
      ) : (
        <div className="table-scroll">
          <table aria-labelledby="quality-parameters-heading">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">Minimum</th>
                <th scope="col">Maximum</th>
              </tr>
            </thead>
            <tbody>
              {parameters.map((parameter) => (
                <tr key={parameter.name}>
                  <td>{parameter.name}</td>
                  <td>{limit(parameter.min, parameter.unit)}</td>
                  <td>{limit(parameter.max, parameter.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
