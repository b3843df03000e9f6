"""Quotes: never closed, closed early by an apostrophe, followed by more text, or curly ones from Word."""

from __future__ import annotations

import re

from plantool.plan.yaml_mistakes.failure import (
    CURLY_CLOSE,
    CURLY_OPEN,
    KEY_LINE,
    Explanation,
    Failure,
    quoted,
    shorten,
    straight_quotes,
)


def _closes_on_line(rest: str, quote: str) -> bool:
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
    return re.search(r"(?<!')'(?!')", rest) is not None


def unclosed_quote(f: Failure) -> Explanation | None:
    if f.context == "while scanning a quoted scalar" and f.context_at:
        candidates = [(f.context_at, None)]  # the parser read on to the end of the file
    else:
        candidates = [
            ((t.start_mark.line + 1, t.start_mark.column + 1), t.end_mark)
            for t in f.scalars_before()
            if t.style in ('"', "'") and t.end_mark.line > t.start_mark.line
        ][:3]
    for (number, col), end in candidates:
        content = f.content(number)
        quote, rest = content[col - 1], content[col:]
        if quote not in "'\"" or _closes_on_line(rest, quote):
            continue
        kind = "double" if quote == '"' else "single"
        inner = rest.rstrip() if quote == '"' else re.sub(r"(?<!')'(?!')", "''", rest.rstrip())
        repaired = content[:col] + inner + quote
        if not f.fixed_by({number: repaired}):
            continue
        if end is None:
            reads_to = "to the end of the file"
        else:
            reads_to = f"up to the next {kind} quote, on line {end.line + 1},"
            closing = f.content(end.line + 1)
            at = end.column - 1
            if quote == "'" and 0 < at < len(closing) - 1 and closing[at - 1].isalpha() and closing[at + 1].isalpha():
                word = re.search(r"[\w']*$", closing[:at]).group() + re.match(r"[\w']*", closing[at:]).group()
                reads_to = f"up to the apostrophe in \"{word}\" on line {end.line + 1}"
        return Explanation(
            number,
            col,
            f"this {kind} quote is never closed, so YAML reads everything {reads_to} as one answer; "
            f"close it at the end of the line: {shorten(repaired.strip(), 70)}",
        )
    return None


def _last_quoted_on_failed_line(f: Failure):
    scalars = f.scalars_before()
    if not scalars:
        return None
    token = scalars[0]
    if token.style not in ('"', "'") or token.end_mark.line + 1 != f.line or token.start_mark.line != token.end_mark.line:
        return None
    return token


def apostrophe(f: Failure) -> Explanation | None:
    token = _last_quoted_on_failed_line(f)
    if token is None or token.style != "'":
        return None
    content = f.content(f.line)
    opening, closing = token.start_mark.column, token.end_mark.column - 1
    if not (content[closing - 1].isalnum() and closing + 1 < len(content) and content[closing + 1].isalnum()):
        return None  # not an apostrophe between letters
    inner = content[opening + 1 :].rstrip()
    inner = inner[:-1] if inner.endswith("'") else inner
    example = content[:opening] + quoted(inner.replace("''", "'"))
    if not f.fixed_by({f.line: example}):
        return None
    word = re.search(r"\w*$", content[:closing]).group() + "'" + re.match(r"\w*", content[closing + 1 :]).group()
    return Explanation(
        f.line,
        closing + 1,
        f"the apostrophe in \"{word}\" ends the single-quoted answer early; inside single quotes write it "
        f"twice (''), or put the answer in double quotes: {shorten(example.strip(), 70)}",
    )


def text_after_quote(f: Failure) -> Explanation | None:
    token = _last_quoted_on_failed_line(f)
    if token is None or f.col <= token.end_mark.column:
        return None
    content = f.content(f.line)
    after = content[token.end_mark.column :]
    if not after.strip() or after.lstrip().startswith("#"):
        return None
    whole = re.split(r"\s#", content[token.start_mark.column :], maxsplit=1)[0].rstrip()
    example = content[: token.start_mark.column] + quoted(whole)
    if not f.fixed_by({f.line: example}):
        return None
    return Explanation(
        f.line,
        token.end_mark.column,
        f"the closing quote here ends the answer, but more text follows it on the line "
        f"('{shorten(after.strip(), 30)}'); put the whole answer inside one pair of quotes, as in "
        f"{shorten(example.strip(), 70)}, or remove the text after the quote",
    )


def smart_quotes(f: Failure) -> Explanation | None:
    numbers = [f.line] + [t.start_mark.line + 1 for t in f.scalars_before()[:1] if t.start_mark.line + 1 != f.line]
    for number in numbers:
        content = f.content(number)
        match = KEY_LINE.match(content)
        value = match and match.group("value")
        if not value or value[0] not in CURLY_OPEN + CURLY_CLOSE:
            continue
        inner, _ = straight_quotes(value)
        if inner == value:
            inner = value[1:]
        example = content[: match.start("value")] + quoted(inner)
        if f.fixed_by({number: example}):
            return Explanation(
                number,
                match.start("value") + 1,
                f"the answer starts with a curly quote ({value[0]}), which Word puts in but YAML does not treat "
                f"as a quote, so the text inside is read as if unquoted; use straight quotes: {shorten(example.strip(), 70)}",
            )
    return None
