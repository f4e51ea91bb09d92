import { createHash } from "node:crypto";
import type { Contract } from "@lotbridge/contract/contract";
import { compareDecimals } from "@lotbridge/contract/decimal";
import { toleranceBounds } from "@lotbridge/contract/delivery-ledger";
import { formatDate } from "@lotbridge/format/format-date";
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
 * How the agreed values are written. "formatted": as people write them ("1,000 t", "EUR 245.50 / t", "15 Aug 2026"),
 * by @lotbridge/format's fixed locale and UTC, so both portals render the same bytes. "raw": the stored decimal and
 * ISO strings, as documents were written before; kept for contracts already signed against them.
 */
export type ContractLayout = "formatted" | "raw";

/**
 * The contract PDF: the same bytes for the same agreed terms, on any machine, at any time. A signature commits to
 * these bytes, so a contract somebody signed in the older raw layout keeps that layout; every other one is formatted.
 */
export async function renderContractDocument(contract: Contract): Promise<Buffer> {
  if (contract.signatures.length > 0) {
    const raw = await renderContractLayout(contract, "raw");
    const rawHash = documentHashOf(raw);
    if (contract.signatures.some((signature) => signature.documentHash === rawHash)) return raw;
  }
  return renderContractLayout(contract, "formatted");
}

/** The contract PDF in one layout; renderContractDocument picks the layout a contract's signatures committed to. */
export async function renderContractLayout(contract: Contract, layout: ContractLayout): Promise<Buffer> {
  const agreedAt = new Date(contract.createdAt);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: margin, left: margin, right: margin, bottom: margin + footerSpace },
    bufferPages: true,
    // Deflate output depends on the zlib build inside Node, so compressed streams could differ between machines.
    compress: false,
    // pdfkit stamps "now" and derives the trailer /ID from this dictionary, so every entry is fixed.
    info: {
      Title: `Contract ${contract.number}`,
      Author: "Lotbridge",
      Creator: "Lotbridge",
      Producer: "Lotbridge contract documents",
      CreationDate: agreedAt,
      ModDate: agreedAt,
    },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const rendered = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  writeAgreement(pdf, contract, agreedAt, layout);
  writeFooters(pdf, contract);
  pdf.end();
  return rendered;
}

/** SHA-256 of the bytes, lowercase hex (64 chars): what a signature's documentHash must be. */
export function documentHashOf(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** e.g. "CT-2026-000123.pdf" */
export function contractDocumentFilename(contract: Pick<Contract, "number">): string {
  return `${contract.number}.pdf`;
}

// Only what both parties agreed to: status and signatures change later and must not change these bytes.
function writeAgreement(pdf: Pdf, contract: Contract, agreedAt: Date, layout: ContractLayout) {
  const { buyer, producer, lot, terms } = contract;
  const raw = layout === "raw";
  const day = (isoDate: string) => (raw ? isoDate : formatDate(isoDate));
  pdf.font(bold).fontSize(18).text(`Contract ${contract.number}`, margin, margin);
  pdf
    .font(regular)
    .fontSize(10)
    .text(`Date of acceptance: ${day(agreedAt.toISOString().slice(0, 10))} (UTC)`)
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
  row(pdf, "Volume", raw ? `${terms.volume} ${terms.unit}` : formatQuantity(terms.volume, terms.unit));
  row(
    pdf,
    "Price per unit",
    raw
      ? `${terms.pricePerUnit} ${terms.currency} / ${terms.unit}`
      : formatPrice(terms.pricePerUnit, terms.currency, terms.unit),
  );
  row(pdf, "Total", raw ? `${terms.total} ${terms.currency}` : formatMoney(terms.total, terms.currency));
  row(pdf, "Incoterm", terms.incoterm);
  row(pdf, "Delivery location", terms.deliveryLocation);
  row(pdf, "Delivery period", `${day(terms.deliveryStart)} to ${day(terms.deliveryEnd)}`);
  // Contracts from before delivery terms (±0 %, no parameters) keep exactly the bytes they were signed against.
  const hasDeliveryTerms = compareDecimals(terms.tolerance.percent, "0") > 0 || terms.qualityParameters.length > 0;
  if (hasDeliveryTerms) row(pdf, "Delivery tolerance", toleranceLine(terms, raw));

  heading(pdf, "Payment terms");
  paragraph(pdf, terms.paymentTerms);
  heading(pdf, "Quality specifications");
  paragraph(pdf, lot.qualitySpecs);
  if (terms.qualityParameters.length > 0) qualityTable(pdf, terms.qualityParameters, raw);

  pdf.moveDown();
  paragraph(
    pdf,
    "Signatures are recorded electronically by the Lotbridge buyer and producer portals against the SHA-256 hash " +
      "of this document; this document itself carries no signatures.",
  );
}

/** e.g. "±5 % (seller's option), beyond tolerance refused; accepted quantity 950 t to 1,050 t". */
function toleranceLine(terms: Contract["terms"], raw: boolean): string {
  const { percent, option, beyond } = terms.tolerance;
  const quantity = (value: string) => (raw ? `${value} ${terms.unit}` : formatQuantity(value, terms.unit));
  if (compareDecimals(percent, "0") === 0) return `±0 %: exactly ${quantity(terms.volume)}`;
  const { minimum, maximum } = toleranceBounds(terms);
  const rule = beyond === "refuse" ? "beyond tolerance refused" : "beyond tolerance accepted and flagged";
  return (
    `±${raw ? percent : formatDecimal(percent)} % (${option}'s option), ${rule}; ` +
    `accepted quantity ${quantity(minimum)} to ${quantity(maximum)}`
  );
}

const qualityColumns = [
  { title: "Parameter", width: 0.5 },
  { title: "Minimum", width: 0.25 },
  { title: "Maximum", width: 0.25 },
];

/** Name, minimum and maximum of each parameter; a limit that is not set is "-". */
function qualityTable(pdf: Pdf, parameters: Contract["terms"]["qualityParameters"], raw: boolean) {
  const limit = (value: string | null, unit: string) =>
    value === null ? "-" : `${raw ? value : formatDecimal(value)} ${unit}`;
  heading(pdf, "Quality parameters");
  tableRow(
    pdf,
    qualityColumns.map((column) => column.title),
    bold,
  );
  for (const parameter of parameters) {
    tableRow(
      pdf,
      [parameter.name, limit(parameter.min, parameter.unit), limit(parameter.max, parameter.unit)],
      regular,
    );
  }
}

function tableRow(pdf: Pdf, cells: string[], font: string) {
  startNewPageIfLessThan(pdf, pdf.currentLineHeight(true) * 2);
  const top = pdf.y;
  const width = pdf.page.width - 2 * margin;
  let x = margin;
  let bottom = top;
  cells.forEach((cell, index) => {
    const cellWidth = width * qualityColumns[index].width;
    pdf.font(font).text(printable(cell), x, top, { width: cellWidth - 10 });
    bottom = Math.max(bottom, pdf.y);
    x += cellWidth;
  });
  pdf.x = margin;
  pdf.y = bottom;
  pdf.moveDown(0.2);
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
  pdf
    .font(regular)
    .text(printable(value), valueX, top, { width: pdf.page.width - margin - valueX })
    .moveDown(0.2);
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

function writeFooters(pdf: Pdf, contract: Contract) {
  const { start, count } = pdf.bufferedPageRange();
  const ids = `Lot ${contract.lotId} · Bid ${contract.bidId}${contract.offerId ? ` · Offer ${contract.offerId}` : ""}`;
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    // Writing below the bottom margin would otherwise make pdfkit start yet another page.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const width = pdf.page.width - 2 * margin;
    const y = pdf.page.height - margin - 8;
    pdf.font(regular).fontSize(8).fillColor("#555555");
    pdf.text(`${contract.number} · Page ${index - start + 1} of ${count}`, margin, y, { width, lineBreak: false });
    pdf.fontSize(7).text(ids, margin, y + 12, { width, lineBreak: false });
    pdf.page.margins.bottom = bottomMargin;
  }
}
