// Workbooks written by hand, byte by byte, for tests and benchmarks: exceljs takes minutes to write a
// 100,000-row workbook, and cannot write a zip bomb at all.
import { constants, crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

type Part = { name: string; data: Buffer; compressed?: Buffer; declaredSize?: number };

/** A zip archive of the parts; a part may bring its own deflated bytes and declare any size it likes. */
export function zipArchive(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const compressed = part.compressed ?? deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const crc = part.compressed ? 0 : crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    directory.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const xml = (body: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${body}`);
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The parts of a one-sheet workbook around the given sheet XML. */
function workbookParts(sheet: Part): Part[] {
  return [
    { name: "[Content_Types].xml", data: xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`) },
    { name: "_rels/.rels", data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: "xl/workbook.xml", data: xml(`<workbook ${MAIN} ${REL}><sheets><sheet name="POET" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: "xl/_rels/workbook.xml.rels", data: xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    sheet,
  ];
}

/** A real .xlsx workbook of text cells (inline strings), written in well under a second even for 100,000 rows. */
export function xlsxOfRows(rows: readonly (readonly string[])[]): Buffer {
  const lines = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((text, c) => `<c r="${columnName(c)}${r + 1}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`).join("")}</row>`);
  const data = xml(`<worksheet ${MAIN}><sheetData>${lines.join("")}</sheetData></worksheet>`);
  return zipArchive(workbookParts({ name: "xl/worksheets/sheet1.xml", data, compressed: deflateRawSync(data, { level: 1 }) }));
}

const columnName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : columnName(Math.floor(i / 26) - 1) + columnName(i % 26));

/**
 * A zip-bomb workbook: its sheet is `megabytes` of blank space deflated to about a thousandth of that.
 * `declare` is what the archive says the sheet holds: "honest" declares the full size, "lying" says 1 kB.
 */
export async function zipBombWorkbook(megabytes: number, declare: "honest" | "lying"): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const prefix = Buffer.from(`<?xml version="1.0"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`);
  deflate.write(prefix);
  const blank = Buffer.alloc(1024 * 1024, 0x20);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(blank)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  const size = prefix.length + megabytes * blank.length;
  return zipArchive(workbookParts({ name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(0), compressed: Buffer.concat(chunks), declaredSize: declare === "honest" ? size : 1024 }));
}
