"""Hostile files, built byte by byte (small on disk, huge when parsed), for tests and `python -m bench.hostile`.

Each is written without ever holding its expanded form: PNG rows and PDF streams are compressed as they are
generated. Sizes match the security review of issue 19.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator


def _deflate(chunks: Iterator[bytes]) -> bytes:
    packer = zlib.compressobj(9)
    out = [packer.compress(chunk) for chunk in chunks]
    out.append(packer.flush())
    return b"".join(out)


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        piece = block[: total - sent]
        sent += len(piece)
        yield piece


def png_bomb(side: int) -> bytes:
    """A side x side grayscale PNG of one colour: a few hundred KB that decodes to side^2 bytes (x3 in RGB)."""
    row = b"\x00" + b"\xff" * side  # filter byte + one row
    rows = (row for _ in range(side))
    idat = _deflate(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def pdf_of_objects(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF from numbered object bodies (1-based), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def stream_object(dictionary: bytes, data: bytes) -> bytes:
    return b"<< " + dictionary + f" /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def shared_content_bomb(pages: int = 30, expanded_mb: int = 70) -> bytes:
    """`pages` pages sharing one Flate content stream that expands to `expanded_mb` MB of text operators."""
    line = b"BT /F1 9 Tf 40 800 Td (Experienced engineer) Tj ET\n"
    content = _deflate(_repeat(line * 2000, expanded_mb * 1024 * 1024))
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream_object(b"/Filter /FlateDecode", content),
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents 4 0 R >>"
        )
    return pdf_of_objects(objects)


def nested_pdf(depth: int = 200_000) -> bytes:
    """A one-page PDF whose catalog holds arrays nested `depth` deep (a parser's recursion, or its C stack)."""
    nest = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Nest " + nest + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Deep " + nest + b" >> >>",
    ]
    return pdf_of_objects(objects)


def image_bomb_pdf(side: int = 30_000) -> bytes:
    """A one-page PDF (no text layer) showing a side x side grey image: under 1 MB, side^2 bytes decoded."""
    row = b"\x80" * side
    data = _deflate(row for _ in range(side))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        stream_object(
            f"/Type /XObject /Subtype /Image /Width {side} /Height {side} /ColorSpace /DeviceGray"
            " /BitsPerComponent 8 /Filter /FlateDecode".encode(),
            data,
        ),
        stream_object(b"", b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
    ]
    return pdf_of_objects(objects)
