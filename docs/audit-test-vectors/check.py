#!/usr/bin/env python3
"""An independent check of the published test vectors: Python's hashlib for RFC 6962 / 9162
hashing and proofs, and the RFC 8032 reference arithmetic for Ed25519, written here from the RFC
and sharing no code with Xinsheng.  Run from this folder:  python3 check.py
Prints what it checked and exits 1 at the first thing that does not hold."""

import base64
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return f.read()


def rows(name):
    return [l.split("\t") for l in read(name).splitlines() if l and not l.startswith("#")]


def fail(what):
    print("FAILED: " + what)
    sys.exit(1)


# --- RFC 6962 / 9162 -------------------------------------------------------------------------
def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(l, r):
    return hashlib.sha256(b"\x01" + l + r).digest()


def mth(hashes):
    n = len(hashes)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return hashes[0]
    k = 1
    while k * 2 < n:
        k *= 2
    return node_hash(mth(hashes[:k]), mth(hashes[k:]))


def verify_inclusion(index, size, leaf, proof, root):
    # RFC 9162 2.1.3.2
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            r = node_hash(p, r)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, proof, first_root, second_root):
    # RFC 9162 2.1.4.2
    if first == second:
        return not proof and first_root == second_root
    if first & (first - 1) == 0:
        proof = [first_root] + proof
    fn, sn = first - 1, second - 1
    while fn % 2 == 1:
        fn >>= 1
        sn >>= 1
    if not proof:
        return False
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn % 2 == 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if fn % 2 == 0:
                while fn % 2 == 0 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


# --- Ed25519 verification (RFC 8032 5.1.7, reference arithmetic) -----------------------------
P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def point_add(a, b):
    x1, y1, z1, t1 = a
    x2, y2, z2, t2 = b
    A = (y1 - x1) * (y2 - x2) % P
    B = (y1 + x1) * (y2 + x2) % P
    C = t1 * 2 * D * t2 % P
    Dd = z1 * 2 * z2 % P
    E, F, G, H = B - A, Dd - C, Dd + C, B + A
    return (E * F % P, G * H % P, F * G % P, E * H % P)


def point_mul(s, p):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = point_add(q, p)
        p = point_add(p, p)
        s >>= 1
    return q


def point_equal(a, b):
    x1, y1, z1, _ = a
    x2, y2, z2, _ = b
    return (x1 * z2 - x2 * z1) % P == 0 and (y1 * z2 - y2 * z1) % P == 0


def recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


G_Y = 4 * pow(5, P - 2, P) % P
G = (recover_x(G_Y, 0), G_Y, 1, recover_x(G_Y, 0) * G_Y % P)


def decompress(s):
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = decompress(public)
    r = decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    return point_equal(point_mul(s, G), point_add(r, point_mul(h, a)))


# --- signed notes (c2sp.org/signed-note, tlog-checkpoint, tlog-cosignature) --------------------
def parse_key(text):
    name, keyid, key = text.strip().split("+", 2)
    typed = base64.b64decode(key)
    want = hashlib.sha256(name.encode() + b"\n" + typed).digest()[:4].hex()
    if want != keyid:
        fail("key ID of " + name)
    return name, typed[0], typed[1:], bytes.fromhex(keyid)


def check_note(note, log_key, witness_key=None):
    body, sigs = note.split("\n\n", 1)
    body += "\n"
    name, _, public, keyid = log_key
    lines = body.split("\n")
    if lines[0] != name:
        fail("the key name is not the origin: " + lines[0] + " / " + name)
    signed_by_log = cosigned = False
    for line in sigs.strip("\n").split("\n"):
        who, b64 = line[2:].split(" ")
        raw = base64.b64decode(b64)
        if who == name and raw[:4] == keyid:
            signed_by_log = ed25519_verify(public, body.encode(), raw[4:])
        elif witness_key and who == witness_key[0] and raw[:4] == witness_key[3]:
            t = int.from_bytes(raw[4:12], "big")
            msg = ("cosignature/v1\ntime %d\n" % t).encode() + body.encode()
            cosigned = ed25519_verify(witness_key[2], msg, raw[12:])
    if not signed_by_log:
        fail("the log's signature on " + lines[1])
    return int(lines[1]), base64.b64decode(lines[2]), cosigned


def main():
    keys = {}
    for line in read("keys.txt").splitlines():
        for name in ("log key", "witness key", "log fingerprint", "witness fingerprint"):
            if line.startswith(name + " "):
                keys[name] = line[len(name) + 1:]
    log_key = parse_key(keys["log key"])
    witness_key = parse_key(keys["witness key"])
    if log_key[1] != 1 or witness_key[1] != 4:
        fail("key types (0x01 log, 0x04 cosignature)")

    leaves = rows("leaves.txt")
    hashes = []
    previous = bytes(32)
    for i, (index, h, data) in enumerate(leaves):
        raw = data.encode("utf-8")
        if int(index) != i or leaf_hash(raw).hex() != h:
            fail("leaf %d hash" % i)
        leaf = json.loads(data)
        if leaf.get("v") == 2:
            if leaf["index"] != i or bytes.fromhex(leaf["previous"]) != previous:
                fail("leaf %d index or previous" % i)
        previous = leaf_hash(raw)
        hashes.append(previous)
    print("leaves: %d, each hash SHA-256(0x00 || leaf), each 'previous' the hash before" % len(hashes))

    for size, root in rows("roots.txt"):
        if mth(hashes[: int(size)]).hex() != root:
            fail("root at size " + size)
    print("roots: every size 1..%d" % len(hashes))

    n = 0
    for index, size, proof in rows("inclusion.txt"):
        p = [] if proof == "." else [bytes.fromhex(x) for x in proof.split(",")]
        if not verify_inclusion(int(index), int(size), hashes[int(index)], p, mth(hashes[: int(size)])):
            fail("inclusion %s in %s" % (index, size))
        n += 1
    print("inclusion proofs: %d" % n)

    n = 0
    for a, b, proof in rows("consistency.txt"):
        p = [] if proof == "." else [bytes.fromhex(x) for x in proof.split(",")]
        if not verify_consistency(int(a), int(b), p, mth(hashes[: int(a)]), mth(hashes[: int(b)])):
            fail("consistency %s to %s" % (a, b))
        n += 1
    print("consistency proofs: %d" % n)

    size, root, _ = check_note(read("checkpoint.note"), log_key)
    if size != len(hashes) or root != mth(hashes):
        fail("checkpoint.note is not the tree")
    csize, croot, cosigned = check_note(read("cosigned.note"), log_key, witness_key)
    if not cosigned or croot != mth(hashes[:csize]):
        fail("cosigned.note")
    print("checkpoints: signed by %s (Ed25519), cosigned at size %d by %s" % (log_key[0], csize, witness_key[0]))

    whole = [l.split("\t", 3) for l in read("export-whole/leaves.txt").splitlines()]
    # the whole log as exported (before the inmate's export wrote his head)
    if [bytes.fromhex(l[1]) for l in whole] != hashes[: len(whole)]:
        fail("export-whole/leaves.txt")
    wsize, wroot, _ = check_note(read("export-whole/checkpoints/%d.note" % len(whole)), log_key)
    if wroot != mth(hashes[:wsize]):
        fail("export-whole's anchor")
    folder = "export-inmate-3301000001/"
    extract = [l.split("\t", 3) for l in read(folder + "leaves.txt").splitlines()]
    anchor = max(int(f.split(".")[0]) for f in os.listdir(os.path.join(HERE, folder, "checkpoints")))
    asize, aroot, _ = check_note(read(folder + "checkpoints/%d.note" % anchor), log_key)
    for index, h, proof, data in extract:
        p = [] if proof == "." else [bytes.fromhex(x) for x in proof.split(",")]
        if leaf_hash(data.encode()).hex() != h or not verify_inclusion(int(index), asize, bytes.fromhex(h), p, aroot):
            fail("inclusion of %s in the inmate's export" % index)
    last = json.loads(extract[-1][3])
    if int(extract[-1][0]) != asize - 1 or last["entry"]["action"] != "audit.subject.head":
        fail("the inmate's export does not end at its head")
    print("exports: the whole log's leaves; the inmate's %d entries, each proven, ending at his head" % len(extract))
    print("all test vectors hold")


if __name__ == "__main__":
    main()
