"""The contacts file is validated with clear errors; routing follows the rules."""
from pathlib import Path

import pytest
import yaml

from safeguarding.contacts import ContactsError, load_contacts, parse_contacts
from safeguarding.routing import may_view, route

EXAMPLE = Path(__file__).resolve().parents[2] / "config" / "contacts.example.yaml"


@pytest.fixture
def directory():
    return load_contacts(EXAMPLE)


def example_data() -> dict:
    return yaml.safe_load(EXAMPLE.read_text())


def test_the_committed_example_loads(directory):
    assert [s.id for s in directory.schools] == ["oakfield", "riverside"]
    assert directory.trust.safeguarding_lead.phone
    assert directory.school_for_email("Someone@OAKFIELD.example.org").id == "oakfield"
    assert directory.school_for_email("x@staff.riverside.example.org").id == "riverside"
    assert directory.school_for_email("x@evil-oakfield.example.org") is None
    assert directory.school_for_email("") is None


@pytest.mark.parametrize("change, entry, problem", [
    (lambda d: d["schools"][0]["dsl"].update(email="not-an-email"), "schools[0] (oakfield).dsl.email",
     "is not an email address"),
    (lambda d: d["schools"][1].update(id="oakfield"), "schools[1] (oakfield).id", "used by another school"),
    (lambda d: d["schools"][1]["email_domains"].append("oakfield.example.org"), "schools[1] (riverside).email_domains",
     "also listed for 'oakfield'"),
    (lambda d: d["schools"][0]["dsl"].pop("phone"), "schools[0] (oakfield).dsl.phone", "is required"),
    (lambda d: d["trust"].pop("safeguarding_lead"), "trust.safeguarding_lead", "must be a mapping (missing)"),
    (lambda d: d["schools"][0].update(dls={}), "schools[0] (oakfield)", "unknown key(s) dls"),
    (lambda d: d.update(schools=[]), "schools", "non-empty list"),
])
def test_errors_name_the_file_the_entry_and_the_problem(change, entry, problem):
    data = example_data()
    change(data)
    with pytest.raises(ContactsError) as caught:
        parse_contacts(data, "contacts.yaml")
    assert caught.value.file == "contacts.yaml" and caught.value.entry == entry
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"contacts.yaml: {entry}: ")


def test_a_missing_or_broken_file_is_a_clear_error(tmp_path):
    with pytest.raises(ContactsError, match="file not found"):
        load_contacts(tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("trust: [unclosed")
    with pytest.raises(ContactsError, match="not valid YAML"):
        load_contacts(bad)


def emails(tier):
    return [r.email for r in tier]


def test_a_concern_about_a_child_goes_to_the_dsl_and_deputies_then_escalates(directory):
    r = route(directory, directory.school("riverside"), "child")
    assert emails(r.first) == ["aisha.khan@riverside.example.org", "sam.rivers@riverside.example.org",
                               "jo.park@riverside.example.org"]
    assert [emails(t) for t in r.tiers[1:]] == [
        ["sam.rivers@riverside.example.org", "jo.park@riverside.example.org"],
        ["tom.baker@riverside.example.org"], ["priya.shah@trust.example.org"]]
    assert may_view(r.viewers, r.excluded, "priya.shah@trust.example.org")
    assert not may_view(r.viewers, r.excluded, "daniel.okafor@oakfield.example.org")  # another school's DSL


def test_a_concern_about_staff_goes_to_the_headteacher_with_the_dsl_informed(directory):
    r = route(directory, directory.school("oakfield"), "staff", ["Mr Colin Staff"])
    assert [(x.email, x.informed) for x in r.first] == [("helen.ward@oakfield.example.org", False),
                                                       ("daniel.okafor@oakfield.example.org", True)]
    assert emails(r.tiers[1]) == ["priya.shah@trust.example.org"]


def test_the_person_a_concern_is_about_is_never_told_and_cannot_view(directory):
    r = route(directory, directory.school("oakfield"), "staff", ["grace lin"], ["grace.lin@oakfield.example.org"])
    everyone = {x.email for tier in r.tiers for x in tier}
    assert "grace.lin@oakfield.example.org" not in everyone
    assert not may_view(r.viewers, r.excluded, "grace.lin@oakfield.example.org")
    about_dsl = route(directory, directory.school("oakfield"), "staff", ["Daniel Okafor"])
    assert "daniel.okafor@oakfield.example.org" not in {x.email for t in about_dsl.tiers for x in t}


def test_a_concern_about_the_headteacher_goes_to_the_trust_lead(directory):
    r = route(directory, directory.school("oakfield"), "headteacher")
    assert emails(r.first) == ["priya.shah@trust.example.org"]
    assert "helen.ward@oakfield.example.org" in r.excluded
    assert not may_view(r.viewers, r.excluded, "helen.ward@oakfield.example.org")
    assert not may_view(r.viewers, r.excluded, "daniel.okafor@oakfield.example.org")


def test_an_unknown_school_goes_to_the_trust_lead(directory):
    r = route(directory, None, "child")
    assert r.school_unknown and emails(r.first) == ["priya.shah@trust.example.org"]
    assert emails(r.tiers[1]) == ["martin.cole@trust.example.org"]


def test_a_concern_about_the_trust_lead_goes_to_the_executive_headteacher(directory):
    r = route(directory, directory.school("oakfield"), "headteacher", ["Priya Shah"])
    assert emails(r.first) == ["martin.cole@trust.example.org"]
    assert not may_view(r.viewers, r.excluded, "priya.shah@trust.example.org")
