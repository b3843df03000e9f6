"""Things code names in one place only: statuses, the period, written sums, name comparison, dotted paths, whole writes."""

from __future__ import annotations

import os
import re
import threading

import pytest

from plantool.check.validation import _number_hint
from plantool.importer import figures
from plantool.importer.vocabulary import label_words, normalise
from plantool.money import SCALES, amount
from plantool.plan.fileio import write_all
from plantool.plan.period import PERIOD
from plantool.plan.schema import dotted, load_schema
from plantool.plan.status import APPROVED, DRAFT, PUBLISHED, SIGNED_OFF, statuses
from plantool.register import load_register
from plantool.words import simple_words


def test_status_names_are_the_schemas_enum_in_order():
    assert statuses(load_schema()) == (DRAFT, APPROVED, PUBLISHED)
    assert set(SIGNED_OFF) == {APPROVED, PUBLISHED}


@pytest.mark.parametrize("text", ["2025/26", "1999/00", "2025/2026", "25/26", "2025-26", "2025/26 ", "2025/6"])
def test_period_pattern_accepts_what_the_schema_accepts(text):
    schema_pattern = load_schema().node_at(("plan", "period"))["pattern"]
    assert bool(PERIOD.match(text)) == bool(re.search(schema_pattern, text))


@pytest.mark.parametrize("scale", sorted(SCALES))
def test_every_scale_word_reads_the_same_in_the_hint_and_the_importer(scale):
    written = f"£1.5{scale}" if len(scale) <= 2 else f"£1.5 {scale}"
    expected = int(1.5 * SCALES[scale])
    assert amount(written) == expected
    assert figures.money(written) == expected
    assert _number_hint(written) == f"; write it as a plain number: {expected}"


@pytest.mark.parametrize("written, value", [("£166,275", 166275), ("166,275", 166275), ("£4,164,000.50", 4164000.5), ("12.5", 12.5), ("£2bn.", 2_000_000_000)])
def test_amounts(written, value):
    assert amount(written) == value


@pytest.mark.parametrize("written", ["about £4m", "£", "4m pounds", "1.000,5", "twelve"])
def test_not_amounts(written):
    assert amount(written) is None
    assert _number_hint(written) == ""


def test_one_name_normaliser_for_the_register_and_the_importer():
    assert simple_words("Telford & Wrekin Council") == "telford and wrekin council"
    assert simple_words("King’s Lynn and West Norfolk") == simple_words("Kings Lynn & West Norfolk") == "kings lynn and west norfolk"
    assert label_words("Share of pay bill (%)") == "share of pay bill %"
    assert normalise("Thematic Area 2: Technology & Data") == "technology and data"
    register = load_register()
    assert register.resolve("King’s Lynn & West Norfolk").gss_code == "E07000146"
    assert register.named_in("Productivity plan of King’s Lynn & West Norfolk, 2025").gss_code == "E07000146"


def test_dotted_paths_for_data_and_for_any_item_of_a_list():
    assert dotted(("themes", "transformation", "initiatives", 2, "status")) == "themes.transformation.initiatives[2].status"
    assert dotted(("themes", "*", "initiatives", "[]", "name")) == "themes.*.initiatives[].name"


def test_write_all_writes_every_byte_through_a_pipe_far_smaller_than_the_data():
    data = os.urandom(1 << 20)  # sixteen times a pipe's buffer
    read_end, write_end = os.pipe()
    received = bytearray()

    def drain():
        with os.fdopen(read_end, "rb") as pipe:
            while chunk := pipe.read(65536):
                received.extend(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    try:
        write_all(write_end, data)
    finally:
        os.close(write_end)
    reader.join(timeout=60)
    assert bytes(received) == data
