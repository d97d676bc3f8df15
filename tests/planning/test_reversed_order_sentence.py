"""The warning of a move that puts a 102 before its 101 reads as one English sentence
whatever the organisations' names (issue 14, fresh eyes 14): the organisations were listed
inside the sentence, and two names holding commas, joined with ";", read "…taught in: for
Kenya School of Government; Ministry of Information, Communications and the Digital
Economy, SVC-102 is now in…"."""

from __future__ import annotations

from govcap.planning import wording
from govcap.planning.core.diff import OutOfOrder

MOICDE = "Ministry of Information, Communications and the Digital Economy"


class Names:
    def module(self, code):
        return code

    def org(self, org_id):
        return {"ksg": "Kenya School of Government", "moicde": MOICDE}[org_id]


def test_the_organisations_close_the_sentence_as_one_list():
    turned = [OutOfOrder("ksg", "SVC-102", "2027-02", "SVC-101", "2027-05"),
              OutOfOrder("moicde", "SVC-102", "2027-02", "SVC-101", "2027-05")]
    february, may = wording.month_label("2027-02"), wording.month_label("2027-05")
    orgs = f"Kenya School of Government; {MOICDE}"
    assert wording.reversed_order(turned, Names()) == [
        f"After this move, SVC-102 in {february} comes before SVC-101 in {may}, the reverse "
        f"of the order they are taught in, for these organisations: {orgs}."]
    assert wording.reversed_by_move(turned, Names()) == [
        f"A move by the coordinator put SVC-102 in {february} before SVC-101 in {may}, the "
        f"reverse of the order they are taught in, for these organisations: {orgs}."]
    one = wording.reversed_order(turned[1:], Names())[0]
    assert one.endswith(f"for this organisation: {MOICDE}.")
