import type { Contract } from "@lotbridge/contract/contract";
import type { Ticket } from "@lotbridge/contract/delivery";
import { formatDate } from "@lotbridge/format/format-date";
import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatDecimal } from "@lotbridge/format/format-decimal";
import { formatMoney } from "@lotbridge/format/format-money";
import { formatPrice } from "@lotbridge/format/format-price";
import { formatQuantity } from "@lotbridge/format/format-quantity";
import PDFDocument from "pdfkit";
import { toWinAnsi } from "./win-ansi-text";

type Pdf = PDFKit.PDFDocument;

const margin = 56;
const footerSpace = 40;
const labelWidth = 130;
const regular = "Helvetica";
const bold = "Helvetica-Bold";

/**
 * What the statement is made of, and nothing else: the parts of a contract that are final once it is fulfilled or
 * closed short. The version, updatedAt, the ledger's entries, the settlement itself and overdueSince are left out on
 * purpose: the buyer renders the statement before the snapshot that carries its hash exists, and the producer portal
 * renders the same bytes from that later snapshot.
 */
type SettlementFacts = Pick<Contract, "number" | "buyer" | "producer" | "lot" | "terms"> & {
  tickets: Ticket[];
  ledger: Contract["delivery"]["ledger"];
  outcome: Contract["statusHistory"][number];
};

function settlementFacts(contract: Contract): SettlementFacts {
  const outcome = contract.statusHistory.at(-1);
  if (!outcome) throw new Error(`Contract ${contract.number} has no status history to settle`);
  return {
    number: contract.number,
    buyer: contract.buyer,
    producer: contract.producer,
    lot: contract.lot,
    terms: contract.terms,
    tickets: contract.delivery.tickets,
    ledger: contract.delivery.ledger,
    outcome,
  };
}

/**
 * The settlement statement PDF of a fulfilled or closed-short contract: the same bytes for the same final delivery, on
 * either portal, at any time. Dated by the status change that ended the contract (its last status-history entry).
 */
export async function renderSettlement(contract: Contract): Promise<Buffer> {
  const facts = settlementFacts(contract);
  const settledAt = new Date(facts.outcome.at);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: margin, left: margin, right: margin, bottom: margin + footerSpace },
    bufferPages: true,
    // As the contract document: no deflate (zlib builds differ) and a fixed info dictionary (it seeds the trailer /ID).
    compress: false,
    info: {
      Title: `Settlement statement ${facts.number}`,
      Author: "Lotbridge",
      Creator: "Lotbridge",
      Producer: "Lotbridge settlement statements",
      CreationDate: settledAt,
      ModDate: settledAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const rendered = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  writeStatement(pdf, facts);
  writeFooters(pdf, facts.number);
  pdf.end();
  return rendered;
}

/** e.g. "settlement-CT-2026-000123.pdf" */
export function settlementFilename(contract: Pick<Contract, "number">): string {
  return `settlement-${contract.number}.pdf`;
}

const outcomeNames: Partial<Record<Contract["status"], string>> = {
  fulfilled: "Fulfilled",
  closed_short: "Closed short",
};

function writeStatement(pdf: Pdf, facts: SettlementFacts) {
  const { buyer, producer, lot, terms, ledger, outcome } = facts;
  const quantity = (value: string) => formatQuantity(value, terms.unit);
  const money = (value: string) => formatMoney(value, terms.currency);
  const outcomeName = outcomeNames[outcome.status] ?? outcome.status;

  pdf.font(bold).fontSize(18).text(`Settlement statement ${facts.number}`, margin, margin);
  pdf
    .font(regular)
    .fontSize(10)
    .text(`Statement date: ${formatDate(outcome.at)} (UTC)`)
    .text(`Outcome: ${outcomeName}`)
    .moveDown();

  heading(pdf, "Parties");
  row(pdf, "Buyer", buyer.name);
  row(pdf, "Producer", producer.name);
  row(pdf, "Producer contact", `${producer.contactName} <${producer.contactEmail}>`);

  heading(pdf, "Lot");
  row(pdf, "Lot number", lot.number);
  row(pdf, "Title", lot.title);
  row(pdf, "Commodity", lot.commodity);

  heading(pdf, "Terms");
  row(pdf, "Volume", quantity(terms.volume));
  row(pdf, "Price per unit", formatPrice(terms.pricePerUnit, terms.currency, terms.unit));
  row(pdf, "Contract total", money(terms.total));
  row(pdf, "Incoterm", terms.incoterm);
  row(pdf, "Delivery location", terms.deliveryLocation);
  row(pdf, "Delivery period", `${formatDate(terms.deliveryStart)} to ${formatDate(terms.deliveryEnd)}`);
  row(pdf, "Tolerance", toleranceText(terms.tolerance));
  row(
    pdf,
    "Quality parameters",
    terms.qualityParameters.map((parameter) => `${parameter.name}: ${rangeText(parameter)}`).join("\n") || "None",
  );

  heading(pdf, "Ledger");
  row(pdf, "Accepted", quantity(ledger.accepted));
  row(pdf, "Tolerance bounds", `${quantity(ledger.minimum)} to ${quantity(ledger.maximum)}`);
  row(
    pdf,
    "Within tolerance",
    ledger.withinTolerance ? "Yes" : ledger.overTolerance ? "No, over the maximum" : "No, below the minimum",
  );
  row(pdf, "Remaining", quantity(ledger.remaining));
  row(pdf, "Rejected", quantity(ledger.rejected));
  row(pdf, "Loads", `${ledger.loads} (${ledger.outOfSpecLoads} out of spec)`);
  row(pdf, "Discounts", money(ledger.discounts));
  row(pdf, "Value of accepted loads", money(ledger.value));

  heading(pdf, `Tickets (${facts.tickets.length})`);
  if (facts.tickets.length === 0) paragraph(pdf, "No load was received.");
  for (const ticket of facts.tickets) writeTicket(pdf, ticket, terms);

  heading(pdf, outcomeName);
  row(pdf, "Date", formatDateTime(outcome.at, "UTC"));
  row(pdf, outcome.status === "closed_short" ? "Reason" : "Note", outcome.reason ?? "");

  pdf.moveDown();
  paragraph(
    pdf,
    "This statement is rendered by the Lotbridge buyer portal from the contract's weighbridge tickets in their " +
      "current versions; both portals record its SHA-256 hash. Earlier versions of corrected tickets stay in the " +
      "contract's delivery history.",
  );
}

function writeTicket(pdf: Pdf, ticket: Ticket, terms: Contract["terms"]) {
  const quantity = (value: string) => formatQuantity(value, terms.unit);
  const money = (value: string) => formatMoney(value, terms.currency);
  startNewPageIfLessThan(pdf, pdf.currentLineHeight(true) * 8);
  pdf
    .moveDown(0.4)
    .font(bold)
    .fontSize(10)
    .text(printable(`Ticket ${ticket.number}`), margin, pdf.y, { width: pdf.page.width - 2 * margin })
    .moveDown(0.2);
  if (ticket.version > 1) {
    row(pdf, "Version", `${ticket.version}, corrected: ${ticket.correctionReason ?? ""}`);
  }
  row(pdf, "Received", formatDateTime(ticket.receivedAt, "UTC"));
  row(
    pdf,
    "Weights",
    `gross ${quantity(ticket.grossWeight)}, tare ${quantity(ticket.tareWeight)}, net ${quantity(ticket.netWeight)}`,
  );
  if (ticket.measurements.length > 0) {
    row(
      pdf,
      "Quality",
      ticket.measurements
        .map(
          (measurement) =>
            `${measurement.name} ${formatDecimal(measurement.value)} ${measurement.unit} (${rangeText(measurement)}): ` +
            (measurement.inSpec ? "in spec" : "OUT OF SPEC"),
        )
        .join("\n"),
    );
  }
  row(pdf, "Decision", decisionText(ticket, terms));
  row(pdf, "Accepted", quantity(ticket.acceptedQuantity));
  row(pdf, "Discount", money(ticket.discount));
  row(pdf, "Value", money(ticket.value));
}

function decisionText(ticket: Ticket, terms: Contract["terms"]): string {
  switch (ticket.decision) {
    case "accept":
      return "Accepted";
    case "accept_with_discount": {
      const amount = ticket.discountAmount ?? "0";
      const discount =
        ticket.discountKind === "percent"
          ? `${formatDecimal(amount)} %`
          : formatPrice(amount, terms.currency, terms.unit);
      return `Accepted with a discount of ${discount}`;
    }
    case "reject":
      return `Rejected: ${ticket.rejectionReason}`;
  }
}

function toleranceText(tolerance: Contract["terms"]["tolerance"]): string {
  const option = tolerance.option === "seller" ? "seller's option" : "buyer's option";
  const beyond = tolerance.beyond === "refuse" ? "loads beyond it are refused" : "loads beyond it are flagged";
  return `±${formatDecimal(tolerance.percent)} % at ${option}; ${beyond}`;
}

function rangeText(range: { unit: string; min: string | null; max: string | null }): string {
  const min = range.min === null ? null : `${formatDecimal(range.min)} ${range.unit}`;
  const max = range.max === null ? null : `${formatDecimal(range.max)} ${range.unit}`;
  if (min && max) return `${min} to ${max}`;
  return min ? `min. ${min}` : `max. ${max}`;
}

function heading(pdf: Pdf, title: string) {
  // Keep a heading on the same page as at least two lines of what it introduces.
  startNewPageIfLessThan(pdf, pdf.currentLineHeight(true) * 4);
  pdf.moveDown(0.6).font(bold).fontSize(12).text(title, margin).font(regular).fontSize(10).moveDown(0.3);
}

function row(pdf: Pdf, label: string, value: string) {
  startNewPageIfLessThan(pdf, pdf.currentLineHeight(true) * 2);
  const top = pdf.y;
  const valueX = margin + labelWidth;
  pdf.font(bold).text(label, margin, top, { width: labelWidth - 10 });
  const labelBottom = pdf.y;
  pdf.font(regular).text(printable(value), valueX, top, { width: pdf.page.width - margin - valueX });
  // A label that wraps to more lines than its value must not be written over by the next row.
  if (pdf.y < labelBottom) pdf.y = labelBottom;
  pdf.moveDown(0.2);
}

function paragraph(pdf: Pdf, text: string) {
  pdf.font(regular).text(printable(text), margin, pdf.y, { width: pdf.page.width - 2 * margin });
}

function printable(text: string) {
  return toWinAnsi(text).trim() || "-";
}

function startNewPageIfLessThan(pdf: Pdf, height: number) {
  if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
}

function writeFooters(pdf: Pdf, number: string) {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would otherwise make pdfkit start yet another page.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const width = pdf.page.width - 2 * margin;
    const y = pdf.page.height - margin - 8;
    pdf.font(regular).fontSize(8).fillColor("#555555");
    pdf.text(`Settlement statement ${number} · Page ${index - start + 1} of ${count}`, margin, y, {
      width,
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottomMargin;
  }
}
