"""Certificate verification codes: random, unguessable, easy to read aloud and type from paper.

27 symbols without the look-alikes (0/O, 1/I/L, 2/Z, 5/S) and 12 of them: 27**12 ≈ 1.5·10**17 codes,
so guessing one at the rate-limited pace of the public page is hopeless.
"""

import secrets

from minsheng.volunteers.service import conf


def new_code() -> str:
    alphabet, length = conf.get("CODE_ALPHABET"), conf.get("CODE_LENGTH")
    return "".join(secrets.choice(alphabet) for _ in range(length))


def normalize(typed: str) -> str:
    """What a person typed, read leniently: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (typed or "").upper() if ch.isascii() and ch.isalnum())[:32]


def grouped(code: str) -> str:
    """XXXX-XXXX-XXXX for printing."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))
