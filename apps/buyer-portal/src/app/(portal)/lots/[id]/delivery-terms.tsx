import { toleranceBounds } from "@lotbridge/contract/delivery-ledger";
import type { Lot } from "@lotbridge/contract/lot";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatTolerance } from "@lotbridge/format/format-delivery-terms";
import { formatQuantity } from "@lotbridge/format/format-quantity";

/** "±5 % at seller's option; beyond tolerance refused", as the contract pages write it. */
export const describeLotTolerance = (tolerance: Lot["tolerance"]): string => formatTolerance(tolerance);

/** The accepted quantity that fulfils the lot's whole volume: "475 t – 525 t". */
export function toleranceRange(lot: Pick<Lot, "volume" | "unit" | "tolerance">): string {
  const { minimum, maximum } = toleranceBounds(lot);
  return `${formatQuantity(minimum, lot.unit)} – ${formatQuantity(maximum, lot.unit)}`;
}

const limit = (value: string | null, unit: string) => (value === null ? "—" : `${formatDecimal(value)} ${unit}`);

/** The lot's structured quality parameters as a table: name, minimum, maximum; "—" for no limit. */
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
