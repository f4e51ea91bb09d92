import { describe, expect, it } from "vitest";
import { writeCsv } from "./write-csv";

describe("writeCsv", () => {
  it("writes a header row and one CRLF-terminated line per row, decimals exactly as given", () => {
    expect(
      writeCsv(
        ["volume", "price"],
        [
          ["5000.000", "198.0000"],
          ["0.001", null],
        ],
      ),
    ).toBe("volume,price\r\n5000.000,198.0000\r\n0.001,\r\n");
  });

  it("quotes a field with a comma, a quote or a line break and doubles its quotes (RFC 4180)", () => {
    expect(writeCsv(["a", "b", "c"], [['Farm "Green", Ltd', "two\r\nlines", "plain"]])).toBe(
      'a,b,c\r\n"Farm ""Green"", Ltd","two\r\nlines",plain\r\n',
    );
  });

  it("defuses what a spreadsheet would run as a formula by prefixing an apostrophe", () => {
    const cells = ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tcmd", "fine = ok"];
    expect(
      writeCsv(
        ["x"],
        cells.map((cell) => [cell]),
      )
        .split("\r\n")
        .slice(1, -1),
    ).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", "fine = ok"]);
  });

  it("writes times as UTC ISO-8601 and leaves empty cells empty", () => {
    expect(writeCsv(["at", "none"], [[new Date("2026-12-03T12:00:00+01:00"), undefined]])).toBe(
      "at,none\r\n2026-12-03T11:00:00.000Z,\r\n",
    );
  });
});
