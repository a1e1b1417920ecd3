"""Bytes to clean text: encoding detection, mojibake repair, newline normalisation."""

from __future__ import annotations

import codecs
import re

import charset_normalizer
import ftfy

from extractor.ingest.models import UnusableInput

# Only the fixes that undo encoding damage. Everything that would change legitimate text is off:
# curly quotes stay curly, ligatures and full-width forms stay, no Unicode normalisation (it would
# move offsets for no gain), HTML entities are left alone (a plain-text article may discuss
# "&amp;" literally), and line breaks are handled by normalise_newlines instead.
REPAIR_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# More control characters than this share of the text means the bytes were not text.
_MAX_CONTROL_CHAR_SHARE = 0.01
_NON_TEXT_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise_newlines(text: str) -> str:
    """Turn Windows (``\\r\\n``) and old Mac (``\\r``) line ends into ``\\n``.

    Args:
        text: any text.

    Returns:
        The text with ``\\n`` as the only line end.
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def repair_text(text: str) -> str:
    """Undo mojibake (``Â£`` to ``£``, ``â€™`` to ``’``) and normalise newlines.

    Text without encoding damage comes back unchanged apart from line ends.

    Args:
        text: decoded text, possibly with mojibake.

    Returns:
        The repaired text.
    """
    return normalise_newlines(ftfy.fix_text(text, REPAIR_CONFIG))


def decode_bytes(data: bytes, declared_encoding: str | None = None) -> str:
    """Decode a file's bytes to text, without repairing it.

    Order: byte-order mark, strict UTF-8, the encoding the document declares (HTML), Windows-1252
    when charset detection finds it plausible, then charset detection's best guess. Windows-1252
    goes before the best guess because detection misreads short English texts (``Beyoncé`` in
    cp1252 comes back as UTF-16) and legacy English news files are almost always cp1252.

    Args:
        data: the raw bytes.
        declared_encoding: an encoding named by the document itself, tried after UTF-8.

    Returns:
        The decoded text, byte-order mark removed.

    Raises:
        UnusableInput: the bytes are empty, binary, or in no recognisable encoding.
    """
    if not data:
        raise UnusableInput("the file is empty")
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise UnusableInput(
                    f"the file starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from error
    if b"\x00" in data:
        raise UnusableInput("the file looks binary (it contains NUL bytes)")
    text = _decode_without_mark(data, declared_encoding)
    if text is None:
        raise UnusableInput("the file is in no recognisable text encoding")
    if _looks_binary(text):
        raise UnusableInput("the file looks binary (too many control characters)")
    return text


def _decode_without_mark(data: bytes, declared_encoding: str | None) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared_encoding and _is_known_encoding(declared_encoding):
        try:
            return data.decode(declared_encoding)
        except UnicodeDecodeError:
            pass
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    if western is not None:
        return str(western)
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best)


def _is_known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _looks_binary(text: str) -> bool:
    control_chars = len(_NON_TEXT_CONTROL_CHAR.findall(text))
    return control_chars > _MAX_CONTROL_CHAR_SHARE * len(text)
