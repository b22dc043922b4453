"""A name whose credential a line break moved, places with abbreviations, and schools a sidebar wrapped.

Shapes from PDFs' text: a development manager's header ('Margaret "Maggie" Okafor-Lindqvist,' over "CFRE"), a
one-column role under "Northstar Youth Alliance, St. Paul, MN", and sidebars too narrow for a school's name.
"""

from __future__ import annotations

from core.facts.read import read_document


def test_a_names_comma_before_a_wrapped_credential_is_no_part_of_it() -> None:
    doc = read_document(
        'Margaret "Maggie" Okafor-Lindqvist,\nCFRE\nMinneapolis, MN 55408 | (612) 555-0147 | maggie@fastmail.com\n\n'
        "EXPERIENCE\nSenior Grant Writer | Mar 2019 – Present\nNorthstar Youth Alliance, St. Paul, MN\n"
        "• Secured $3.4M in foundation, corporate and government grants.\n",
        "resume",
    )
    assert doc.contact.name == 'Margaret "Maggie" Okafor-Lindqvist'
    role = doc.experience[0]
    assert (role.org, role.location) == ("Northstar Youth Alliance", "St. Paul, MN")  # not "Paul, MN"


def test_a_certificate_wrapped_over_its_schools_name_is_a_credential_not_a_school() -> None:
    doc = read_document(
        "Jo Lee\n\nEDUCATION\nB.A., English and Sociology, St. Olaf College, Northfield, MN — 2015\n"
        "Certificate in Fundraising Management, The Fund Raising School, Indiana University\n"
        "Lilly Family School of Philanthropy (2020)\n",
        "resume",
    )
    assert [(e.org, e.title) for e in doc.education] == [
        ("St. Olaf College", "B.A."),
        ("The Fund Raising School", "Certificate in Fundraising Management"),
    ]
    assert doc.education[0].bullets == []  # the certificate's line is no detail of the B.A.


def test_a_sidebars_school_names_are_joined_back() -> None:
    doc = read_document(
        "Priya Rao\n\nEDUCATION\nM.S. Computer Science\nUniversity of Wisconsin–\nMadison\n2014 – 2016\n"
        "B.S. Supply Chain Management\nBowling Green State\nUniversity\n2010 – 2014 · GPA 3.6\n"
        "M.S. Occupational Safety and Health\nUniversity of Cincinnati\n2012\n",
        "resume",
    )
    assert [(e.org, e.title) for e in doc.education] == [
        ("University of Wisconsin–Madison", "M.S. Computer Science"),
        ("Bowling Green State University", "B.S. Supply Chain Management"),
        ("University of Cincinnati", "M.S. Occupational Safety and Health"),  # a whole name stays its own line
    ]
