"""The shape of the lines: indentation, list dashes, `|` blocks, and the space after a colon."""

from __future__ import annotations

import re

from plantool.plan.yaml_mistakes.failure import KEY_LINE, KEY_START, WINDOW, Explanation, Failure, plural, quoted, shorten

_DASH_LINE = re.compile(r"^(?P<lead> *)- ")
_NO_SPACE_AFTER_COLON = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*):(?P<value>[^\s:/#].*?) *$")
_NO_SPACE_AFTER_DASH = re.compile(r"^(?P<lead> *)-(?P<rest>[A-Za-z_][\w-]*: .*)$")
_BLOCK_HEADER = re.compile(r"^(?P<lead> *(?:- +)*)(?P<key>[A-Za-z_][\w-]*): +[|>][-+0-9]*(?: +#.*)? *$")
_SNAKE_KEY = re.compile(r"^ *(?:- +)?[a-z_][a-z0-9_]*:(?: |$)")
INDENT_TRIES = 4  # nearest candidate columns tried for a badly indented line


def block_text_on_header_line(f: Failure) -> Explanation | None:
    if f.context != "while scanning a block scalar" or not f.context_at or not f.problem.startswith("expected a comment"):
        return None
    number, col = f.context_at
    content = f.content(number)
    match = re.match(r"[|>][-+0-9]*", content[col - 1 :])
    header, text = content[: col - 1 + match.end()], content[col - 1 + match.end() :].strip()
    key = KEY_START.match(header)
    indent = (key.start("key") if key else len(header) - len(header.lstrip(" "))) + 2
    if not text or not f.fixed_by({number: header + "\n" + " " * indent + text}):
        return None
    start = content.index(text, col - 1 + match.end())
    return Explanation(
        number,
        start + 1,
        f"the answer starts on the same line as '{match.group()}', but a {match.group()[0]} block begins on the next "
        f"line: leave '{header.strip()}' alone on its line and put the text below it, indented "
        f"{plural(indent, 'space')}: '{shorten(text)}'",
    )


def _nearest_block(f: Failure):
    """(line, header match, first line below with anything on it) of the nearest `key: |` above the failure, or None."""
    for number in range(min(f.line, len(f.lines)), max(0, f.line - WINDOW), -1):
        header = _BLOCK_HEADER.match(f.content(number))
        if header:
            first = next((n for n in range(number + 1, f.line + 1) if f.content(n).strip()), None)
            return (number, header, first) if first is not None else None
    return None


def comment_before_block_text(f: Failure) -> Explanation | None:
    """A comment (a '# plantool: disable=…', say) put between 'key: |' and the answer's text, at the key's depth."""
    block = _nearest_block(f)
    if block is None:
        return None
    number, header, first = block
    key, key_col = header.group("key"), header.start("key")
    if not f.content(first).lstrip().startswith("#"):
        return None
    comment = f.content(first).strip()
    indent = len(f.content(first)) - len(f.content(first).lstrip(" "))
    if indent > key_col or "#" in f.content(number):
        return None
    if not f.fixed_by({number: f.content(number).rstrip() + "  " + comment, first: ""}):
        return None
    return Explanation(
        first,
        indent + 1,
        f"a comment between '{key}: |' (line {number}) and its text ends the answer before it starts "
        f"(everything under a '|' is the answer), so YAML then finds text where it expects a key; put the "
        f"comment after the bar, '{key}: |  {shorten(comment, 100)}', or on the line above '{key}:'",
    )


def block_text_not_indented(f: Failure) -> Explanation | None:
    block = _nearest_block(f)
    if block is None:
        return None
    number, header, first = block
    key_col = header.start("key")
    indent = len(f.content(first)) - len(f.content(first).lstrip(" "))
    if indent > key_col or _SNAKE_KEY.match(f.content(first)):
        return None  # the block has text, or no text at all: not this mistake
    shift = key_col + 2 - indent
    changes = {}
    for n in range(first, len(f.lines) + 1):
        line = f.content(n)
        if n > first and line.strip() and _SNAKE_KEY.match(line) and len(line) - len(line.lstrip(" ")) <= key_col:
            break
        if line.strip():
            changes[n] = " " * shift + line
    if not f.fixed_by(changes):
        return None
    key = header.group("key")
    return Explanation(
        first,
        indent + 1,
        f"the text of the '{key}: |' answer (line {number}) is not indented, so YAML sees an empty answer and then "
        f"text where it expects a key; indent every line of the answer further than '{key}' "
        f"({plural(key_col + 2, 'space')} instead of {indent}): '{shorten(f.content(first).strip())}'",
    )


def missing_space(f: Failure) -> Explanation | None:
    numbers = [f.line]
    if f.context_at:
        numbers.append(f.context_at[0])
    numbers += [t.start_mark.line + 1 for t in f.scalars_before()[:2]]
    for number in dict.fromkeys(n for n in numbers if n <= f.line):
        content = f.content(number)
        colon = _NO_SPACE_AFTER_COLON.match(content)
        if colon and not KEY_LINE.match(content):
            at = colon.end("key")
            repaired = content[: at + 1] + " " + content[at + 1 :]
            if f.fixed_by({number: repaired}):
                return Explanation(
                    number,
                    at + 1,
                    f"'{shorten(content.strip(), 30)}' has no space after the colon, so YAML reads the whole line as "
                    f"text instead of a key and its answer; add a space after the colon: {shorten(repaired.strip(), 60)}",
                )
        dash = _NO_SPACE_AFTER_DASH.match(content)
        if dash:
            at = len(dash.group("lead"))
            repaired = content[: at + 1] + " " + content[at + 1 :]
            if f.fixed_by({number: repaired}):
                return Explanation(
                    number,
                    at + 1,
                    "there is no space after the dash, so YAML does not see a new list item; "
                    f"put a space between the dash and the text: {shorten(repaired.strip(), 60)}",
                )
    return None


def colon_in_answer(f: Failure) -> Explanation | None:
    if f.problem != "mapping values are not allowed here":
        return None
    content = f.content(f.line)
    match = KEY_LINE.match(content)
    if not match or not match.group("value") or f.col - 1 <= match.start("value"):
        return None  # the colon is the key's own
    value = match.group("value")
    if value[0] in "'\"|>[{&*!%@`":
        return None
    answer = re.split(r"\s#", value, maxsplit=1)[0].rstrip()
    example = content[: match.start("value")] + quoted(answer)
    if not f.fixed_by({f.line: example}):
        return None
    before = content[match.start("value") : f.col - 1]  # the answer up to the colon
    words = before if len(before) <= 30 else "…" + before[-29:].lstrip()
    shown = answer if len(answer) <= len(before) + 30 else answer[: len(before) + 20].rstrip() + "…"
    return Explanation(
        f.line,
        f.col,
        f"the answer to '{match.group('key')}' has a colon followed by a space (after \"{words}\"), which YAML "
        f"reads as the start of another key; put the whole answer in double quotes: "
        f"{content[: match.start('value')].strip()} {quoted(shown)}",
    )


def _structure(f: Failure) -> list[tuple[int, int, str, str]]:
    """(line, column, kind, name) of every key and list dash the scanner saw before the failure."""
    found, tokens = [], f.tokens
    for index, token in enumerate(tokens):
        kind = type(token).__name__
        line, col = token.start_mark.line + 1, token.start_mark.column + 1
        if line >= f.line:
            break
        if kind == "BlockEntryToken":
            found.append((line, col, "item", ""))
        elif kind == "KeyToken" and index + 1 < len(tokens) and type(tokens[index + 1]).__name__ == "ScalarToken":
            found.append((line, col, "key", tokens[index + 1].value))
    return found


def _element(content: str) -> tuple[int, str, str] | None:
    """(column, kind, name) of what a line starts with: a list dash or a key."""
    if _DASH_LINE.match(content):
        return len(content) - len(content.lstrip(" ")) + 1, "item", ""
    match = KEY_LINE.match(content)
    if match and not match.group("lead").strip():
        return match.start("key") + 1, "key", match.group("key")
    return None


def indentation(f: Failure) -> Explanation | None:
    here = _element(f.content(f.line))
    structure = _structure(f)
    if here is None or not structure:
        return None
    above = structure[-1][0]  # the line of the last key or dash before the failing line
    above_element = _element(f.content(above))
    columns = sorted({col for _, col, _, _ in structure[-40:]}, key=lambda c: abs(c - here[0]))
    tries = [(f.line, here, col) for col in columns if col != here[0]][:INDENT_TRIES]
    if above_element is not None and above_element[0] != here[0]:
        tries.append((above, above_element, here[0]))
    usage = {}
    for _, col, _, _ in structure:
        usage[col] = usage.get(col, 0) + 1
    best, best_rank = None, None
    for number, (col, kind, name), target in tries:
        content = f.content(number)
        moved = " " * (len(content) - len(content.lstrip(" ")) + target - col) + content.lstrip(" ")
        reach = f.reach({number: moved})
        if reach <= f.line:
            continue
        rank = (reach, target == (above_element or here)[0] and number == f.line, -abs(target - col), usage.get(target, 0))
        if best_rank is None or rank > best_rank:
            best, best_rank = (number, col, kind, name, target), rank
    if best is None:
        return None
    number, col, kind, name, target = best
    if number == f.line:
        reference = next(((line, c, k, n) for line, c, k, n in reversed(structure) if c == target), None)
    else:
        reference = (f.line, here[0], here[1], here[2])
    if reference is None:
        return None
    distance, direction = abs(target - col), "right" if target > col else "left"
    what = f"'{name}'" if kind == "key" else "the list item"
    other = f"'{reference[3]}'" if reference[2] == "key" else "the list item"
    rule = "keys at the same level must line up" if kind == "key" else "items of one list must line up"
    return Explanation(
        number,
        col,
        f"{what} on line {number} starts at column {col}, but {other} on line {reference[0]}, at the same level, "
        f"starts at column {target}; {rule}, so move {what} {plural(distance, 'space')} {direction}",
    )
