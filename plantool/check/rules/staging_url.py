"""A web address on a test or staging copy of a website, not the live one.

Councils build pages on a test host first (webtest., test., staging., dev.,
uat., localhost); an address copied from there stops working or shows an
unfinished page once the live site changes. Every address the plan gives is
checked: the published address, the decision record, related documents, and
links and bare addresses in text.

PASS:
    plan:
      publication_url: https://www.rbkc.gov.uk/productivity-plan

FAIL:
    plan:
      publication_url: https://webtest.rbkc.gov.uk/productivity-plan

    See [our savings plan](https://staging.example.gov.uk/savings).
"""

from __future__ import annotations

import re

from plantool.check.rules import Problem
from plantool.plan import richtext

ID = "staging-url"
SEVERITY = "warning"

# The first part of a host name that marks a copy kept for testing (test, webtest2, staging-www, uat…).
_TEST_LABEL = re.compile(r"(?:web)?test|staging|stage|dev|uat|pre-?prod|sandbox", re.IGNORECASE)
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "0.0.0.0", "::1"}
_LOCAL_ENDINGS = (".localhost", ".local", ".test", ".invalid")  # names reserved for private or test use
# Registries whose names have two parts (council.gov.uk): the registered name is then three labels long.
_TWO_PART_SUFFIXES = {"gov.uk", "org.uk", "co.uk", "ac.uk", "nhs.uk", "police.uk", "sch.uk", "net.uk", "ltd.uk", "plc.uk", "me.uk"}
_MARKERS = ("test", "stag", "dev", "uat", "prod", "sandbox", "local", "127.0.0.1", "0.0.0.0", "::1")


# The host of an address: after the scheme and any user name, up to the port, path, query or end.
# (A regular expression rather than urllib.parse, which costs a check several milliseconds to import.)
_HOST = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?#\s]*@)?(?:\[(?P<ip6>[^\]/\s]*)\]|(?P<name>[^:/?#\s]*))")


def staging_host(url: str) -> str | None:
    """The host of `url` when it is a test, staging or local one, else None."""
    found = _HOST.match(url)
    host = (found.group("ip6") or found.group("name") or "").lower().rstrip(".") if found else ""
    if not host:
        return None
    if host in _LOCAL_HOSTS or host.endswith(_LOCAL_ENDINGS):
        return host
    labels = host.split(".")
    registered = 3 if ".".join(labels[-2:]) in _TWO_PART_SUFFIXES else 2
    for label in labels[:-registered]:  # the parts in front of the council's own name
        head = re.split(r"[-\d]", label, maxsplit=1)[0] if not label.startswith("pre-") else label
        if _TEST_LABEL.fullmatch(head) or _TEST_LABEL.fullmatch(label):
            return host
    return None


def _addresses(ctx):
    """(path, address, place in the text or None) for every address the plan gives."""
    for path, value, node in ctx.strings:
        if node and str(node.get("pattern", "")).startswith("^https?://"):
            yield path, value, None
        elif node and node.get("x-plantool-format") == "text" and ("://" in value or "www." in value):
            for link in richtext.links(value):
                yield path, link.url, (link.line, link.col)
            for url, line, col in richtext.bare_urls(value):
                yield path, url if "://" in url else f"https://{url}", (line, col)


def check(ctx):
    for path, address, at in _addresses(ctx):
        lowered = address.lower()
        if not any(marker in lowered for marker in _MARKERS):
            continue
        host = staging_host(address)
        if host:
            yield Problem(
                path,
                f"{ctx.schema.label(path)}: {address.strip()} is on {host}, which looks like a test or staging copy "
                "of the website; give the address on the live site",
                at=at,
            )
