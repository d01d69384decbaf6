#!/usr/bin/env python3
"""Encodes test cases with segno, the reference encoder, for MotCuaQRTests.

Reads a JSON list of cases from the file named by argv[1]; each case is
{"segments": [{"mode": "numeric"|"alphanumeric"|"byte", "hex": "..."}],
 "ecc": "L"|"M"|"Q"|"H", "version": int (optional), "mask": int (optional)}.
Writes one JSON object per case to stdout (a list), either
{"version", "mask", "rows": ["0101...", ...], "scores": [n1, n2, n3, n4]}
or {"error": "..."} when segno refuses the data (e.g. it does not fit).
The same segments are handed over as (data, mode) tuples so that both
encoders write the same bit stream; boost_error=False keeps the level.
"""
import json
import sys

try:
    import segno
    from segno import encoder
except ImportError:
    sys.stderr.write("segno is not installed: run `pip install segno`\n")
    sys.exit(3)


def _standard_padding_bits(buff, version, length):
    """ISO/IEC 18004:2015 7.4.10: pad with 0 bits *if* the stream does not end
    on a codeword boundary. segno 1.6.6 writes 8 - length % 8 bits, i.e. a
    whole 0x00 codeword when the stream is already aligned, which pushes every
    pad codeword one place along. Decoders stop at the terminator so its
    symbols still read, but they are not the standard's; this one deviation
    is corrected here so the comparison is against the standard."""
    if version not in (segno.consts.VERSION_M1, segno.consts.VERSION_M3) and length % 8:
        buff.extend([0] * (8 - length % 8))


encoder.write_padding_bits = _standard_padding_bits


def encode(case):
    content = []
    for seg in case["segments"]:
        data = bytes.fromhex(seg["hex"])
        if seg["mode"] != "byte":
            data = data.decode("ascii")
        # Segment tuples take segno's mode constants, not names.
        content.append((data, encoder.normalize_mode(seg["mode"])))
    try:
        qr = segno.make_qr(content, version=case.get("version"), error=case["ecc"],
                           mask=case.get("mask"), boost_error=False)
    except Exception as exc:  # segno raises DataOverflowError, ValueError
        return {"error": type(exc).__name__ + ": " + str(exc)}
    size = len(qr.matrix)
    rows = ["".join("1" if b else "0" for b in row) for row in qr.matrix]
    return {
        "version": qr.version,
        "mask": qr.mask,
        "error_level": qr.error,
        "rows": rows,
        "scores": list(encoder.mask_scores(qr.matrix, size, size)),
    }


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        cases = json.load(handle)
    json.dump([encode(case) for case in cases], sys.stdout)


if __name__ == "__main__":
    main()
