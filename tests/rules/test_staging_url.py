"""staging-url: an address on a test or staging copy of a website."""

from __future__ import annotations

import pytest
from rule_case import assert_copes_with_any_data, assert_findings, check_example, docstring_cases, findings_of, fixture_with, with_answer

from plantool.check.rules import staging_url as rule

CONTACT = "    email: policy@example.gov.uk\n"  # line 17, the last line of the plan record


def with_published_at(url: str) -> str:
    return fixture_with((CONTACT, f"{CONTACT}  publication_url: {url}\n"))


@pytest.mark.parametrize("example", docstring_cases(rule))
def test_docstring_example(example):
    check_example(rule, example)


def test_a_published_address_on_a_test_host_points_at_the_address():
    [finding] = assert_findings(with_published_at("https://webtest.rbkc.gov.uk/productivity-plan"), rule.ID, (18, 20))
    assert "webtest.rbkc.gov.uk" in finding.message and finding.severity == "warning"


def test_a_link_and_a_bare_address_in_text_point_at_themselves():
    text = with_answer("See [the plan](https://staging.example.gov.uk/plan) or http://localhost:8000/plan.")
    assert_findings(text, rule.ID, (27, 23), (27, 74))


@pytest.mark.parametrize(
    "url",
    ["https://test.example.gov.uk/plan", "https://uat2.example.gov.uk/", "https://dev-www.example.gov.uk/",
     "https://pre-prod.example.gov.uk/", "http://127.0.0.1/plan", "https://plans.example.test/"],
)
def test_test_hosts_are_found(url):
    assert findings_of(with_published_at(url), rule.ID), url


@pytest.mark.parametrize(
    "url",
    ["https://www.testvalley.gov.uk/plan", "https://www.devon.gov.uk/plan", "https://test.gov.uk/plan",
     "https://moderngovwebpublic.redditchbc.gov.uk/mgAi.aspx?ID=27209", "https://www.example.gov.uk/testing/plan",
     "https://democracy.west-norfolk.gov.uk/plan"],
)
def test_live_hosts_pass(url):
    assert findings_of(with_published_at(url), rule.ID) == [], url


def test_copes_with_any_data():
    assert_copes_with_any_data(rule)
