"""Text that leaves the program safely: URLs without secrets, cells no spreadsheet runs, lines
no terminal interprets.

Pure functions, used by every output boundary (CLI, logs, the station status bar, CSV files).
See docs/security.md for what each one protects against.
"""

from __future__ import annotations

import re

# Bidirectional embedding/override/isolate controls: they make a code or a name display as
# something other than what it is ("Trojan Source"). Never part of our codes or our output.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# A URL with a scheme: everything after "//" up to the LAST "@" before the path is the user
# part. Passwords with an unencoded "@" are common, so the first "@" is not the end of it.
_URL = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*://)(?P<rest>[^\s'\"<>]*)")

# Cells a spreadsheet would treat as a formula (OWASP CSV injection); tab and CR too, because
# some spreadsheets strip them before looking at the first character.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CONTROL_RUN = re.compile(
    r"(?:\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029])+"
)
_PASSWORD_PARAM = re.compile(r"([?&]password=)[^&#]*", re.I)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")


def redact_url(url: str) -> str:
    """The URL with its user part replaced by `***`; a URL without one is returned as is.

    `postgresql://u:p@ss@host/db` -> `postgresql://***@host/db` (the last `@` ends the secret,
    and the user name goes too: it is half of the credential). A plain path (a SQLite file) has
    no `@` before its path and is unchanged.
    """
    return _URL.sub(_redact_match, url)


def redact_urls(text: str) -> str:
    """Every URL in an error message redacted (drivers quote the URL or the host they saw)."""
    text = _URL.sub(_redact_match, text)
    # psycopg names the "host" it failed to resolve: with an unencoded "@" in the password,
    # that is the password's tail followed by "@host" - keep only what follows the last "@".
    return re.sub(r"(host ['\"])[^'\"]*@([^'\"@]*['\"])", r"\1***@\2", text)


def _redact_match(match: re.Match) -> str:
    rest = _PASSWORD_PARAM.sub(r"\1***", match.group("rest"))
    if rest.startswith("/"):  # no user part at all (sqlite:///path, postgresql:///db?host=)
        return match.group("scheme") + rest
    authority_end = _authority_end(rest)
    authority = rest[:authority_end]
    if "@" not in authority:
        return match.group("scheme") + rest
    host = authority.rsplit("@", 1)[1]
    return f"{match.group('scheme')}***@{host}{rest[authority_end:]}"


def _authority_end(rest: str) -> int:
    """Where the user@host part ends: at the first '/' or '?' after the last '@' (a password may
    hold '/' or '?' too, so those before the last '@' do not count)."""
    last_at = rest.rfind("@")
    start = last_at + 1 if last_at >= 0 else 0
    for i in range(start, len(rest)):
        if rest[i] in "/?#":
            return i
    return len(rest)


def csv_cell(value):
    """A value as a CSV cell no spreadsheet evaluates: text starting with `=`, `+`, `-`, `@`,
    tab or CR gets a leading `'`. Numbers stay numbers: a real -3 (int, float or the text of a
    plain number, as report rows hold) is written as -3, so sums still work."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]


def escape_controls(text: str) -> str:
    """Control and bidi characters made visible (`\\u001b`, `\\u202e`) so a stored value cannot
    move the cursor, clear the screen or reorder a terminal line. Other text is unchanged.

    The `\\uXXXX` form is also a valid JSON escape of the same character, so a JSON line stays
    the same JSON value when it passes through here."""
    return "".join(_visible(ch) for ch in str(text))


def escape_terminal_output(text: str) -> str:
    """Like escape_controls, but keeps what makes lines and tables: newline, tab, and CR only
    as part of CRLF (a lone CR would let a value overwrite the start of its line)."""
    return _CONTROL_RUN.sub(lambda m: escape_controls(m.group(0)), text)


def _visible(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 or 0x7F <= code < 0xA0 or ch in BIDI_CONTROLS or ch in "\u2028\u2029":
        return f"\\u{code:04x}"
    return ch


def without_controls(text: str) -> str:
    """The text with control characters (C0, DEL, C1, line separators) and bidi controls
    removed: for outputs that cannot show them, such as a label printer's field data."""
    return "".join(ch for ch in text if _visible(ch) == ch)


def has_bidi(text: str) -> bool:
    return any(ch in BIDI_CONTROLS for ch in text)


def strip_bidi(text: str) -> str:
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def is_printable_ascii(text: str) -> bool:
    return all(" " <= ch <= "~" for ch in text)


def mask_sql_detail(text: str) -> str:
    """A database error made fit for a log file: bound parameters and the values PostgreSQL
    quotes in DETAIL lines (customer names, addresses) become `***`; URLs lose their secrets.
    The SQL itself stays: it holds placeholders, not data, and it is what a developer needs."""
    text = re.sub(r"\[parameters: .*?\](?=\n|$)", "[parameters: ***]", text, flags=re.S)
    # DETAIL quotes key values ("Key (x)=(...)") or the whole row ("Failing row contains (...)").
    text = re.sub(r"(DETAIL:[^\n]*?)\(.*\)", _mask_detail, text)
    return redact_urls(text)


def _mask_detail(match: re.Match) -> str:
    head = match.group(1)
    if head.rstrip().endswith("Key"):  # "Key (column, ...)=(values)": columns are no secret
        columns, _, _ = match.group(0)[len(head) :].partition(")=(")
        return f"{head}{columns})=(***)"
    return f"{head}(***)"


def one_line_error(exc: BaseException, limit: int = 200) -> str:
    """The gist of an unexpected error for a user: the first line of its message (never the
    `[SQL: ...]` or `[parameters: ...]` that follow), URLs redacted, control characters shown."""
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else type(exc).__name__
    first = escape_controls(redact_urls(first))
    return first if len(first) <= limit else f"{first[: limit - 1]}…"
