"""Character-shingle MinHash signatures and LSH band keys: the arithmetic of the near-duplicate index.

Pure functions over numpy arrays: no Django, no database (``neardup`` stores what these compute).

A text becomes the set of its character 3-grams after clean-up (HTML, NFKC, traditional →
simplified), with punctuation, spaces, emoji and greeting/thanks formulas dropped: a copy with a
few edited characters, re-ordered sentences or an added 「尊敬的领导您好」 keeps almost all of its
3-grams. The set is summarised by 128 MinHash values (one-permutation hashing, see
:func:`signatures`) of which only the lowest 8 bits are kept ("b-bit MinHash", Li & König 2010):
128 bytes a record estimate Jaccard nearly as well as 128 full hashes would, up to a 1/256 chance
collision that :func:`jaccard` corrects for. The first 32 bytes, read as
8 bands of 4, give the LSH bucket keys: two texts share a bucket with probability 1 − (1 − J⁴)⁸,
0.999 at J = 0.88 (a copy with 2% edited characters), 0.5 at J = 0.54, 2·10⁻⁵ at J = 0.1.

Hashing is deterministic across processes (no Python ``hash``): the index on disk stays valid after
a restart and across machines.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from minsheng.textmine.segment import clean

SHINGLE = 3  # characters; 2-grams of Chinese are too common (的问, 小区), 4-grams too fragile to edits
PERMUTATIONS = 128
BANDS = 8
ROWS = 4  # bytes per band; BANDS * ROWS of the signature feed the LSH keys
SIGNATURE_BYTES = PERMUTATIONS  # one byte per permutation
MIN_CHARS = 10  # shorter (after clean-up) texts match only when identical: 8 shingles say too little
_CHANCE = 1 / 256  # two unrelated minima agree on their lowest 8 bits this often

# Formulas of address and thanks that petitioners add or drop at will; they carry no matter. A plain
# alternation of literals, longest first: re scans it several times faster than optional groups.
_TITLES = ("", "各位", "领导", "各位领导", "书记", "市长", "县长", "区长", "局长", "主任", "工作人员", "同志")
_PHRASES = {"此致敬礼", "辛苦了"}
_PHRASES |= {"尊敬的" + t for t in _TITLES} | {t + g for t in _TITLES for g in ("您好", "你好", "你们好")}
_PHRASES |= {
    f"{very}{thanks}{whom}{what}"
    for very in ("", "非常", "十分")
    for thanks in ("谢谢", "感谢")
    for whom in ("", "您", "你", "领导", "各位领导", "政府", "你们")
    for what in ("", "的关注", "的支持", "的帮助", "的回复", "关注", "支持", "帮助")
}
_FORMULAS = re.compile("|".join(sorted(_PHRASES, key=len, reverse=True)))
_NOT_WORD = re.compile(r"[\W_]+")  # punctuation, spaces, symbols, emoji

_BIN_BITS = 7  # 2**7 == PERMUTATIONS bins
_rng = np.random.default_rng(20260311)  # fixed: stored signatures must be reproducible
# Where an empty bin borrows its value: bin i tries _PROBES[0, i], _PROBES[1, i], … (every other bin).
_PROBES = np.stack([_rng.permutation(PERMUTATIONS) for _ in range(PERMUTATIONS)], axis=1)
del _rng


def normalize(text: str | None) -> str:
    """The characters that are shingled: cleaned, lower-case, without formulas or punctuation."""
    text = clean(text).lower()
    return _FORMULAS.sub("", _NOT_WORD.sub("", text))


def _mix(x: np.ndarray) -> np.ndarray:
    # splitmix64 finaliser: spreads the exact 3-gram code over all 64 bits.
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _grams(codes: np.ndarray) -> np.ndarray:
    # Code points fit in 21 bits, so three of them pack into one 63-bit integer without collisions.
    return _mix((codes[:-2] << np.uint64(42)) | (codes[1:-1] << np.uint64(21)) | codes[2:])


def _codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def shingles(normalized: str) -> np.ndarray:
    """Distinct 64-bit hashes of the 3-grams of a normalized text (empty below 3 characters)."""
    if len(normalized) < SHINGLE:
        return np.empty(0, dtype=np.uint64)
    return np.unique(_grams(_codes(normalized)))


def signatures(normalized: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Shingle counts and 128-byte signatures of normalized texts of at least 3 characters, as an
    int array and a (len, 128) uint8 array.

    One-permutation MinHash (Li, Owen & Zhang 2012): the top 7 bits of a shingle's hash choose one
    of 128 bins, the next 32 bits are its value, a bin keeps its minimum; an empty bin borrows the
    value of the first non-empty bin in its own fixed probe order ("optimal densification",
    Shrivastava 2017). Two sets then agree on a bin with probability ≈ Jaccard, as with 128
    independent permutations, at the cost of one hash a shingle instead of 128. The whole batch is
    hashed and sorted together: numpy's per-call overhead is paid once, not once a text.
    """
    count = len(normalized)
    lengths = np.array([len(t) for t in normalized], dtype=np.int64)
    codes = _codes("".join(normalized))
    doc_of_char = np.repeat(np.arange(count, dtype=np.uint64), lengths)
    # A 3-gram starting at character i belongs to a text if it also ends in it.
    ends = np.cumsum(lengths)
    inside = np.arange(len(codes) - 2) + 2 < ends[doc_of_char[:-2].astype(np.int64)]
    hashes, doc = _grams(codes)[inside], doc_of_char[:-2][inside]
    slot = (doc << np.uint64(_BIN_BITS)) | (hashes >> np.uint64(64 - _BIN_BITS))
    keys = (slot << np.uint64(32)) | ((hashes >> np.uint64(64 - _BIN_BITS - 32)) & np.uint64(0xFFFFFFFF))
    keys.sort()
    distinct = np.concatenate(([True], keys[1:] != keys[:-1]))  # 39 hash bits: as good as distinct
    sizes = np.bincount((keys[distinct] >> np.uint64(32 + _BIN_BITS)).astype(np.int64), minlength=count)
    slots = keys >> np.uint64(32)
    first = np.flatnonzero(np.concatenate(([True], slots[1:] != slots[:-1])))
    table = np.zeros(count * PERMUTATIONS, dtype=np.uint8)
    filled = np.zeros(count * PERMUTATIONS, dtype=bool)
    table[slots[first]] = (keys[first] & np.uint64(0xFF)).astype(np.uint8)  # b-bit: lowest 8 bits
    filled[slots[first]] = True
    table, filled = table.reshape(count, PERMUTATIONS), filled.reshape(count, PERMUTATIONS)
    out, done = table.copy(), filled.copy()
    rows = np.flatnonzero(~done.all(axis=1))
    for probe in _PROBES:
        if not len(rows):
            break
        take = ~done[rows] & filled[rows][:, probe]
        out[rows] = np.where(take, table[rows][:, probe], out[rows])
        done[rows] |= take
        rows = rows[~done[rows].all(axis=1)]
    return sizes, out


def text_key(normalized: str) -> bytes:
    """8 bytes identifying a short text exactly (its stored "signature")."""
    return hashlib.blake2b(normalized.encode("utf-8"), digest_size=8).digest()


def _domain_seed(domain: str) -> np.uint64:
    seed = 0xCBF29CE484222325  # FNV-1a: stable, unlike hash(str)
    for byte in domain.encode("utf-8"):
        seed = ((seed ^ byte) * 0x100000001B3) % 2**64
    return np.uint64(seed)


def band_keys(domain: str, sigs: np.ndarray) -> np.ndarray:
    """(len, BANDS) signed 64-bit bucket keys of signatures; the domain is part of every key."""
    words = np.ascontiguousarray(sigs[:, : BANDS * ROWS]).view("<u4").astype(np.uint64)
    band = np.arange(BANDS, dtype=np.uint64) << np.uint64(32)
    return _mix((words | band) ^ _domain_seed(domain)).view(np.int64)


def exact_key(domain: str, key: bytes) -> int:
    """The one bucket key of a short text, from its :func:`text_key`."""
    digest = hashlib.blake2b(key, digest_size=8, person=b"exact", key=domain.encode("utf-8")[:64])
    return int.from_bytes(digest.digest(), "little", signed=True)


def jaccard(sig: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of one signature to each row of ``others``."""
    agree = (others == sig[None, :]).mean(axis=1)
    return np.clip((agree - _CHANCE) / (1 - _CHANCE), 0.0, 1.0)


def overlap(jac: np.ndarray, size: int, sizes: np.ndarray) -> np.ndarray:
    """Share of the smaller shingle set found in the larger, from Jaccard and the set sizes.

    |A∩B| = J·(|A|+|B|)/(1+J); dividing by min(|A|,|B|) makes a copy with an added paragraph (or
    one paragraph of an earlier letter) score like a copy, which Jaccard would not.
    """
    sizes = sizes.astype(np.float64)
    common = jac * (size + sizes) / (1 + jac)
    return np.clip(common / np.maximum(np.minimum(size, sizes), 1), 0.0, 1.0)


@dataclass(frozen=True)
class Sketch:
    """What is stored for one text: the shingle count (0 for a short text) and the signature."""

    size: int
    signature: bytes


# A registration sketches its text twice: to file it in the index and to look up its near
# duplicates for the answer. Remembering the last texts makes the second time free, also for a
# batch of registrations (up to 100), which files every text before it looks any up.
@lru_cache(maxsize=128)
def sketch(text: str | None) -> Sketch | None:
    """The sketch of one text; None when nothing is left after clean-up."""
    return sketches([text])[0]


def sketches(texts: list[str | None]) -> list[Sketch | None]:
    """:func:`sketch` of many texts with one vectorized hashing pass."""
    result: list[Sketch | None] = [None] * len(texts)
    long_at, long_texts = [], []
    for i, text in enumerate(texts):
        normalized = normalize(text)
        if not normalized:
            continue
        if len(normalized) < MIN_CHARS:
            result[i] = Sketch(0, text_key(normalized))
        else:
            long_at.append(i)
            long_texts.append(normalized)
    if long_texts:
        sizes, sigs = signatures(long_texts)
        for i, size, sig in zip(long_at, sizes.tolist(), sigs, strict=True):
            result[i] = Sketch(size, sig.tobytes())
    return result


def bucket_keys(domain: str, sk: Sketch) -> list[int]:
    """The LSH bucket keys under which a sketch is filed (one exact key for a short text)."""
    if sk.size == 0:
        return [exact_key(domain, sk.signature)]
    sig = np.frombuffer(sk.signature, dtype=np.uint8)[None, :]
    return band_keys(domain, sig)[0].tolist()
