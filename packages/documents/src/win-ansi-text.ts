// The standard PDF fonts encode only Windows-1252; pdfkit would otherwise print any other character as a wrong glyph.
// Windows-1252 puts these 27 characters where Latin-1 has control codes 0x80–0x9F.
const windows1252Extras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

// Letters NFKD leaves alone; Cyrillic because Ukrainian producers (UAH) write their names and places in it.
const spelledOut: Record<string, string> = {
  Ł: "L",
  ł: "l",
  Đ: "D",
  đ: "d",
  Ħ: "H",
  ħ: "h",
  ı: "i",
  Ŋ: "N",
  ŋ: "n",
  Ŧ: "T",
  ŧ: "t",
  Ə: "E",
  ə: "e",
  ẞ: "SS",
  "‐": "-",
  "‑": "-",
  "‒": "-",
  "−": "-",
  "⁄": "/",
  "′": "'",
  "″": '"',
  ...pairUp(
    "АБВГҐДЕЄЁЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "A B V H G D E Ye Yo Zh Z Y I Yi Y K L M N O P R S T U F Kh Ts Ch Sh Shch ' Y ' E Yu Ya",
  ),
  ...pairUp(
    "абвгґдеєёжзиіїйклмнопрстуфхцчшщъыьэюя",
    "a b v h g d e ie io zh z y i i i k l m n o p r s t u f kh ts ch sh shch ' y ' e iu ia",
  ),
};

function pairUp(letters: string, spellings: string): Record<string, string> {
  const words = spellings.split(" ");
  return Object.fromEntries([...letters].map((letter, index) => [letter, words[index]]));
}

function isEncodable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === "\n" ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    windows1252Extras.includes(char)
  );
}

function toEncodable(char: string): string {
  if (isEncodable(char)) return char;
  if (char === "\t") return " ";
  // Controls, zero-width joiners, variation selectors and stray combining marks have nothing to show.
  if (/[\p{Cc}\p{Cf}\p{M}]/u.test(char)) return "";
  if (spelledOut[char]) return spelledOut[char];
  const stripped = char.normalize("NFKD").replace(/\p{M}/gu, "");
  const parts = [...stripped].map((part) => (isEncodable(part) ? part : spelledOut[part]));
  return stripped && parts.every(Boolean) ? parts.join("") : "?";
}

/**
 * Text the standard fonts can print: accented letters they have stay as they are ("Ñandú"), others lose their marks
 * or are spelled in Latin letters ("Łódź" → "Lódz", "Київ" → "Kyiv"), and whatever is left becomes "?" ("北京" → "??").
 */
export function toWinAnsi(text: string): string {
  let printable = "";
  for (const char of text.normalize("NFC").replace(/\r\n?/g, "\n")) printable += toEncodable(char);
  return printable;
}
