"""Hostile workbooks, built by hand: small files that declare or unpack to something huge."""

import io
import struct
import zipfile
import zlib

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{NS}" xmlns:r="{REL}">'
    '<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
)


def million_rows_xlsx() -> bytes:
    """A valid workbook of about 2 KB whose sheet declares A1:Z1000000."""
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        '<dimension ref="A1:Z1000000"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Gemeente</t></is></c><c r="B1"><v>2023</v></c></row>'
        '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>Temse</t></is></c>'
        '<c r="Z1000000"><v>1</v></c></row></sheetData></worksheet>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return buffer.getvalue()


def _deflated_repeats(head: bytes, chunk: bytes, times: int, tail: bytes) -> tuple[bytes, int, int]:
    """Raw deflate data of head + chunk * times + tail, made by compressing `chunk` once:
    (data, crc32, uncompressed size)."""
    def block(data):
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_RLE)
        return compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)

    crc = zlib.crc32(head)
    chunk_crc_data = chunk
    for _ in range(times):
        crc = zlib.crc32(chunk_crc_data, crc)
    crc = zlib.crc32(tail, crc)
    final = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = block(head) + block(chunk) * times + final.compress(tail) + final.flush()
    return data, crc, len(head) + len(chunk) * times + len(tail)


def _zip(members) -> bytes:
    """A ZIP from (name, deflated data, crc, size) written by hand, so the data can be
    pre-compressed."""
    out, central = io.BytesIO(), io.BytesIO()
    for name, data, crc, size in members:
        encoded = name.encode()
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0))
        out.write(encoded + data)
        central.write(
            struct.pack(
                "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(data), size,
                len(encoded), 0, 0, 0, 0, 0, offset,
            )
        )
        central.write(encoded)
    start, directory = out.tell(), central.getvalue()
    out.write(directory)
    count = len(members)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()


def _plain(name: str, text: str):
    data = text.encode()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def shared_strings_bomb() -> bytes:
    """About 300 KB that unpacks to some 200 MB of shared strings, honestly declared."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{NS}">'.encode()
    chunk = (b"<si><t>" + b"T" * 20_000 + b"</t></si>") * 500  # about 10 MB
    data, crc, size = _deflated_repeats(head, chunk, 20, b"</sst>")
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}"><dimension ref="A1:B2"/>'
        '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    return _zip(
        [
            _plain("[Content_Types].xml", CONTENT_TYPES),
            _plain("_rels/.rels", ROOT_RELS),
            _plain("xl/workbook.xml", WORKBOOK),
            _plain("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            _plain("xl/worksheets/sheet1.xml", sheet),
            ("xl/sharedStrings.xml", data, crc, size),
        ]
    )
