"""Encryption at rest, built only from the `cryptography` package's vetted primitives.

The design, in three keys:

- A random 256-bit *data key* encrypts every entry and draft with
  ChaCha20-Poly1305 (an AEAD). Each entry's id is the associated data, so a
  body cannot be moved onto another entry without the tag failing.
- The data key is stored *wrapped*: encrypted under a key derived from the
  passphrase with Argon2id (memory-hard; parameters kept beside the salt so
  they can be raised later). Changing the passphrase rewraps this one small
  value in one SQLite transaction: atomic, whatever happens half way.
- An X25519 *key pair* lets openness add entries and keep drafts without the
  passphrase ("sealed" to the public key: an ephemeral X25519 exchange, HKDF
  -SHA256, then ChaCha20-Poly1305, the HPKE base-mode construction). The
  private half is stored wrapped under the data key, so only the passphrase
  opens sealed entries; they are re-encrypted under the data key the next
  time the journal is unlocked.

No primitive is home-made; this module only chooses and combines them.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

FORMAT = 1
KEY_AD = b"openness/journal/data-key/v1"
PRIVATE_AD = b"openness/journal/private-key/v1"
SEAL_INFO = b"openness/journal/sealed/v1"

# Argon2id, OWASP's recommended setting (19 MiB, 2 passes, 1 lane): about
# 35 ms here, and an attacker with the file pays the same memory per guess.
ARGON2 = {"memory_kib": 19456, "iterations": 2, "lanes": 1}


class WrongPassphrase(Exception):
    """The passphrase does not open this journal."""


class Damaged(Exception):
    """An encrypted value failed its integrity check."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aead(key: bytes):
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    return ChaCha20Poly1305(key)


def derive(passphrase: str, salt: bytes, params: dict[str, int]) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=int(params["iterations"]),
        lanes=int(params["lanes"]),
        memory_cost=int(params["memory_kib"]),
    )
    return kdf.derive(passphrase.encode("utf-8"))


def seal_with(key: bytes, plaintext: bytes, ad: bytes) -> bytes:
    nonce = os.urandom(12)
    return nonce + _aead(key).encrypt(nonce, plaintext, ad)


def open_with(key: bytes, blob: bytes, ad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag

    blob = bytes(blob)
    try:
        return _aead(key).decrypt(blob[:12], blob[12:], ad)
    except (InvalidTag, ValueError):
        raise Damaged() from None


@dataclass
class KeyFile:
    """What the journal's meta table holds about its keys (no secret in the clear)."""

    salt: bytes
    params: dict[str, int]
    wrapped_key: bytes
    public_key: bytes
    wrapped_private: bytes
    open_add: bool = False

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "kdf": {"name": "argon2id", "salt": _b64(self.salt), **self.params},
                "aead": "chacha20-poly1305",
                "wrapped_key": _b64(self.wrapped_key),
                "public_key": _b64(self.public_key),
                "wrapped_private": _b64(self.wrapped_private),
                "open_add": self.open_add,
            },
            sort_keys=True,
        )

    @classmethod
    def from_json(cls, text: str) -> "KeyFile":
        try:
            d: dict[str, Any] = json.loads(text)
            if d.get("format") != FORMAT or d["kdf"]["name"] != "argon2id":
                raise ValueError("unknown key format")
            kdf = d["kdf"]
            return cls(
                salt=_unb64(kdf["salt"]),
                params={k: int(kdf[k]) for k in ("memory_kib", "iterations", "lanes")},
                wrapped_key=_unb64(d["wrapped_key"]),
                public_key=_unb64(d["public_key"]),
                wrapped_private=_unb64(d["wrapped_private"]),
                open_add=bool(d.get("open_add", False)),
            )
        except (ValueError, KeyError, TypeError):
            raise Damaged() from None


@dataclass
class Keys:
    """An unlocked journal's secrets, held only in memory."""

    data_key: bytes
    private_key: bytes  # raw X25519


def new_keys(passphrase: str, *, open_add: bool = False) -> tuple[KeyFile, Keys]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    data_key = os.urandom(32)
    priv = X25519PrivateKey.generate()
    raw_priv = priv.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
    raw_pub = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    kf = wrap(passphrase, data_key, raw_pub, seal_with(data_key, raw_priv, PRIVATE_AD), open_add=open_add)
    return kf, Keys(data_key=data_key, private_key=raw_priv)


def wrap(passphrase: str, data_key: bytes, public_key: bytes, wrapped_private: bytes, *, open_add: bool) -> KeyFile:
    salt = os.urandom(16)
    params = dict(ARGON2)
    kek = derive(passphrase, salt, params)
    return KeyFile(
        salt=salt,
        params=params,
        wrapped_key=seal_with(kek, data_key, KEY_AD),
        public_key=public_key,
        wrapped_private=wrapped_private,
        open_add=open_add,
    )


def unlock(kf: KeyFile, passphrase: str) -> Keys:
    kek = derive(passphrase, kf.salt, kf.params)
    try:
        data_key = open_with(kek, kf.wrapped_key, KEY_AD)
    except Damaged:
        raise WrongPassphrase() from None
    private_key = open_with(data_key, kf.wrapped_private, PRIVATE_AD)
    return Keys(data_key=data_key, private_key=private_key)


def _seal_key(shared: bytes, eph_pub: bytes, recipient_pub: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SEAL_INFO + eph_pub + recipient_pub).derive(shared)


def seal_to(public_key: bytes, plaintext: bytes, ad: bytes) -> bytes:
    """Encrypt for the holder of the private key (no passphrase needed to write)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    shared = eph.exchange(X25519PublicKey.from_public_bytes(public_key))
    return eph_pub + seal_with(_seal_key(shared, eph_pub, public_key), plaintext, ad)


def open_sealed(keys: Keys, public_key: bytes, blob: bytes, ad: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

    blob = bytes(blob)
    eph_pub, rest = blob[:32], blob[32:]
    try:
        shared = X25519PrivateKey.from_private_bytes(keys.private_key).exchange(X25519PublicKey.from_public_bytes(eph_pub))
    except ValueError:
        raise Damaged() from None
    return open_with(_seal_key(shared, eph_pub, public_key), rest, ad)
