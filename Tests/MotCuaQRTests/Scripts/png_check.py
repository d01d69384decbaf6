#!/usr/bin/env python3
"""Checks a 1-bit greyscale PNG with Python's own zlib (an inflater that is
not ours) for MotCuaQRTests: signature, chunk CRCs, IHDR, the zlib stream.
Prints one line of 0/1 per pixel row, 1 for black, or exits 1 with a reason."""
import struct
import sys
import zlib


def fail(reason):
    sys.stderr.write(reason + "\n")
    sys.exit(1)


def main():
    data = open(sys.argv[1], "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("bad signature")
    pos, chunks = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            fail("bad CRC in " + kind.decode())
        chunks.append((kind, body))
        pos += 12 + length
    if [k for k, _ in chunks][0] != b"IHDR" or chunks[-1][0] != b"IEND":
        fail("chunk order")
    width, height, depth, colour, comp, filt, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if (depth, colour, comp, filt, interlace) != (1, 0, 0, 0, 0):
        fail("not 1-bit greyscale")
    raw = zlib.decompress(b"".join(b for k, b in chunks if k == b"IDAT"))
    stride = (width + 7) // 8
    if len(raw) != height * (stride + 1):
        fail("wrong data length")
    out = []
    for y in range(height):
        line = raw[y * (stride + 1):(y + 1) * (stride + 1)]
        if line[0] != 0:
            fail("filter type")
        bits = "".join("0" if (line[1 + x // 8] >> (7 - x % 8)) & 1 else "1" for x in range(width))
        out.append(bits)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
