"""The participants' page: edit (plain form and htmx), removal through a confirmation, the undo
offered after it, the JSON endpoint, and who may do what."""

from __future__ import annotations

import html
import json
import re
import uuid

import pytest
from django.urls import reverse

from govcap.accounts.models import AuditEvent
from govcap.assessments import capture, workflow
from govcap.assessments.models import Participant, Quote, Session

SECTION = "change-management"


@pytest.fixture
def p2(consented):
    """P2 of the consented session, named, with two quotes."""
    participant = Participant.objects.get(session=consented.session, code="P2")
    workflow.edit_participant(consented.facilitator, consented.session, participant.uuid,
                              workflow.ParticipantInput("Systems analyst", consented.ministry.pk,
                                                        "senior", "", "Otieno Ouma"),
                              base_revision=participant.revision)
    for text in ("We wait for the vendor.", "Nobody owns the data."):
        capture.save_quote(consented.facilitator, consented.session, capture.QuoteSave(
            op_id=uuid.uuid4(), section_key=SECTION, quote_uuid=uuid.uuid4(), text=text,
            participant_code="P2", base_revision=0))
    return Participant.objects.get(pk=participant.pk)


def consent_url(world) -> str:
    return reverse("session-consent", args=[world.session.uuid])


def edit_data(world, participant, **change) -> dict:
    data = {"form": "edit", "edit-op_id": str(uuid.uuid4()),
            "edit-participant": str(participant.uuid),
            "edit-base_revision": str(participant.revision),
            "edit-role_title": participant.role_title,
            "edit-organisation": str(participant.organisation_id),
            "edit-seniority": participant.seniority, "edit-gender": participant.gender,
            "edit-name": "Otieno Ouma"}
    return data | {f"edit-{k}": v for k, v in change.items()}


def post_json(client, world, payload):
    return client.post(reverse("save-participant", args=[world.session.uuid]),
                       json.dumps(payload), content_type="application/json")


def test_the_edit_link_opens_a_form_with_the_name(client, consented, p2):
    client.force_login(consented.facilitator)
    page = client.get(consent_url(consented) + f"?edit={p2.uuid}").content.decode()
    assert 'name="edit-role_title"' in page and 'value="Otieno Ouma"' in page
    assert f'name="edit-base_revision" value="{p2.revision}"' in page
    assert "Add participant" not in page  # one form at a time
    # The table itself never shows names.
    assert "Otieno" not in client.get(consent_url(consented)).content.decode()


def test_a_plain_form_edit_saves_and_comes_back_to_the_table(client, consented, p2):
    client.force_login(consented.facilitator)
    response = client.post(consent_url(consented), edit_data(consented, p2,
                                                             role_title="Data steward",
                                                             gender="male"))
    assert response.status_code == 302 and response["Location"].endswith("#participants")
    stored = Participant.objects.get(pk=p2.pk)
    assert (stored.role_title, stored.gender, stored.revision) == ("Data steward", "male",
                                                                   p2.revision + 1)
    assert "P2 saved." in client.get(consent_url(consented)).content.decode()


def test_a_stale_form_edit_shows_both_versions_and_keeps_the_saved_one(client, consented, p2):
    workflow.edit_participant(consented.coordinator, consented.session, p2.uuid,
                              workflow.ParticipantInput("Head of data", consented.agency.pk,
                                                        "senior", "", "Otieno Ouma"),
                              base_revision=p2.revision)
    client.force_login(consented.facilitator)
    response = client.post(consent_url(consented), edit_data(consented, p2,
                                                             role_title="Data steward"))
    page = response.content.decode()
    assert response.status_code == 409
    assert "P2 was changed elsewhere while you edited." in page
    assert "Head of data" in page and "Data steward" in page
    assert "ICT Authority" in page  # their organisation, by name
    assert f'name="edit-base_revision" value="{p2.revision + 1}"' in page  # now based on theirs
    stored = Participant.objects.get(pk=p2.pk)
    assert (stored.role_title, stored.organisation_id) == ("Head of data", consented.agency.pk)


def test_htmx_gets_the_participants_part_only(client, consented, p2):
    client.force_login(consented.facilitator)
    response = client.get(consent_url(consented) + f"?edit={p2.uuid}", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="participants">') and "edit-role_title" in page
    stale = edit_data(consented, p2, role_title="Data steward", base_revision="0")
    response = client.post(consent_url(consented), stale, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "changed elsewhere" in response.content.decode()


def test_the_removal_page_says_what_happens_and_undo_brings_everything_back(client, consented, p2):
    client.force_login(consented.facilitator)
    url = reverse("participant-remove", args=[consented.session.uuid, p2.uuid])
    page = client.get(url).content.decode()
    assert "Remove P2?" in page
    assert "P2 is attributed 2 quotes; they will become unattributed." in page
    assert f'action="{url}"' in page and 'name="op_id"' in page
    quotes = set(Quote.objects.filter(participant=p2).values_list("uuid", flat=True))
    op_id = str(uuid.uuid4())
    response = client.post(url, {"op_id": op_id, "base_revision": p2.revision})
    assert response.status_code == 302
    assert client.post(url, {"op_id": op_id, "base_revision": p2.revision}).status_code == 302
    assert not Participant.objects.filter(pk=p2.pk).exists()
    assert AuditEvent.objects.filter(action="delete", object_uuid=p2.uuid).count() == 1
    page = client.get(consent_url(consented)).content.decode()
    assert "P2 removed; their 2 quotes are now unattributed." in page
    undo_url = reverse("participant-undo", args=[consented.session.uuid, p2.uuid])
    assert f'action="{undo_url}"' in page
    response = client.post(undo_url, {"op_id": str(uuid.uuid4())})
    assert response.status_code == 302
    back = Participant.objects.get(uuid=p2.uuid)
    assert (back.code, back.role_title, back.identity.name) == ("P2", "Systems analyst",
                                                                "Otieno Ouma")
    assert set(Quote.objects.filter(participant=back).values_list("uuid", flat=True)) == quotes
    page = client.get(consent_url(consented)).content.decode()
    assert "P2 is back, with 2 quotes attributed again." in page
    assert undo_url not in page  # the offer is gone


def test_only_the_remover_is_offered_the_undo(client, consented, p2):
    client.force_login(consented.facilitator)
    client.post(reverse("participant-remove", args=[consented.session.uuid, p2.uuid]),
                {"op_id": str(uuid.uuid4())})
    client.force_login(consented.coordinator)
    undo_url = reverse("participant-undo", args=[consented.session.uuid, p2.uuid])
    assert undo_url not in client.get(consent_url(consented)).content.decode()


def test_a_stale_removal_asks_again(client, consented, p2):
    client.force_login(consented.facilitator)
    url = reverse("participant-remove", args=[consented.session.uuid, p2.uuid])
    response = client.post(url, {"op_id": str(uuid.uuid4()), "base_revision": p2.revision - 1})
    assert response.status_code == 302 and response["Location"] == url
    assert Participant.objects.filter(pk=p2.pk).exists()


def test_an_old_one_click_removal_now_asks_for_confirmation(client, consented, p2):
    client.force_login(consented.facilitator)
    response = client.post(consent_url(consented), {"form": "remove", "participant": p2.uuid})
    assert response["Location"] == reverse("participant-remove",
                                           args=[consented.session.uuid, p2.uuid])
    assert Participant.objects.filter(pk=p2.pk).exists()


def test_readers_and_outsiders_cannot_edit_or_remove(client, consented, p2):
    remove = reverse("participant-remove", args=[consented.session.uuid, p2.uuid])
    undo = reverse("participant-undo", args=[consented.session.uuid, p2.uuid])
    client.force_login(consented.viewer)
    assert client.get(remove).status_code == 403
    assert client.post(remove, {"op_id": str(uuid.uuid4())}).status_code == 403
    assert client.post(undo, {"op_id": str(uuid.uuid4())}).status_code == 403
    assert "edit-role_title" not in client.get(consent_url(consented) + f"?edit={p2.uuid}"
                                               ).content.decode()
    client.post(consent_url(consented), edit_data(consented, p2, role_title="Viewer's"))
    for user in (consented.outsider, consented.colleague):
        client.force_login(user)
        assert client.get(remove).status_code == 404
        assert client.post(remove, {"op_id": str(uuid.uuid4())}).status_code == 404
    assert Participant.objects.get(pk=p2.pk).role_title == "Systems analyst"


def test_a_submitted_session_refuses_participant_changes(client, consented, p2):
    Session.objects.filter(pk=consented.session.pk).update(status=Session.Status.SUBMITTED)
    client.force_login(consented.facilitator)
    response = client.post(consent_url(consented), edit_data(consented, p2,
                                                             role_title="Too late"))
    assert response.status_code == 302
    page = client.get(consent_url(consented)).content.decode()
    assert "submitted and read-only" in page and "Edit P2" not in page
    response = client.get(reverse("participant-remove", args=[consented.session.uuid, p2.uuid]))
    assert response.status_code == 302
    assert Participant.objects.get(pk=p2.pk).role_title == "Systems analyst"


# --- the JSON endpoint ---------------------------------------------------------------------

def test_the_json_endpoint_adds_edits_removes_and_undoes(client, consented, p2):
    client.force_login(consented.facilitator)
    new = str(uuid.uuid4())
    add = {"op_id": str(uuid.uuid4()), "action": "add", "participant": new,
           "role_title": "Records officer", "organisation": consented.agency.pk,
           "seniority": "technical", "gender": "female", "name": "Hodan Ali"}
    answer = post_json(client, consented, add)
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "saved"
    assert body["participant"] | {} == {"uuid": new, "code": "P3", "revision": 1,
                                        "role_title": "Records officer",
                                        "organisation": consented.agency.pk,
                                        "seniority": "technical", "gender": "female",
                                        "has_name": True}
    assert "Hodan" not in answer.content.decode()  # names are not echoed (nor stored in replies)
    replay = post_json(client, consented, add)
    assert replay.json() == {**body, "replayed": True}
    assert Participant.objects.filter(uuid=new).count() == 1

    edit = {**add, "op_id": str(uuid.uuid4()), "action": "edit", "role_title": "Archivist",
            "base_revision": 1}
    assert post_json(client, consented, edit).json()["participant"]["revision"] == 2
    stale = {**edit, "op_id": str(uuid.uuid4()), "role_title": "Librarian"}
    conflict = post_json(client, consented, stale)
    assert conflict.status_code == 409
    assert conflict.json()["status"] == "conflict" and conflict.json()["revision"] == 2
    assert conflict.json()["theirs"]["role_title"] == "Archivist"
    assert conflict.json()["yours"]["role_title"] == "Librarian"

    removed = post_json(client, consented, {"op_id": str(uuid.uuid4()), "action": "remove",
                                            "participant": new})
    assert removed.json()["status"] == "removed"
    restored = post_json(client, consented, {"op_id": str(uuid.uuid4()), "action": "undo",
                                             "participant": new})
    assert restored.json()["status"] == "restored" and restored.json()["name_restored"] is True
    back = Participant.objects.get(uuid=new)
    assert (back.code, back.role_title, back.identity.name) == ("P3", "Archivist", "Hodan Ali")


@pytest.mark.parametrize("change, status, field", [
    ({"action": "rename"}, 400, "action"),
    ({"op_id": "nope"}, 400, "op_id"),
    ({"participant": "not-a-uuid"}, 400, "participant"),
    ({"participant": 12}, 400, "participant"),
    ({"organisation": "1"}, 400, "organisation"),
    ({"organisation": True}, 400, "organisation"),
    ({"seniority": "boss"}, 400, "seniority"),
    ({"role_title": ""}, 400, "role_title"),
    ({"role_title": ["x"]}, 400, "role_title"),
    ({"action": "edit", "participant": str(uuid.uuid4())}, 404, "participant"),
])
def test_the_json_endpoint_names_the_bad_field(client, consented, change, status, field):
    client.force_login(consented.facilitator)
    payload = {"op_id": str(uuid.uuid4()), "action": "add", "role_title": "Analyst",
               "organisation": consented.ministry.pk, "seniority": "", "gender": "", "name": "",
               **change}
    response = post_json(client, consented, payload)
    assert response.status_code == status
    assert response.json()["field"] == field and response.json()["message"]


def test_the_json_endpoint_refuses_readers_and_outsiders(client, consented, p2):
    payload = {"op_id": str(uuid.uuid4()), "action": "remove", "participant": str(p2.uuid)}
    client.force_login(consented.viewer)
    assert post_json(client, consented, payload).status_code == 403
    client.force_login(consented.outsider)
    response = post_json(client, consented, payload)
    assert response.status_code == 404 and response.json()["status"] == "error"
    assert Participant.objects.filter(pk=p2.pk).exists()


def test_saving_again_after_a_conflict_keeps_the_colleagues_change_to_fields_left_alone(
        client, consented, p2):
    client.force_login(consented.facilitator)
    page = client.get(consent_url(consented) + f"?edit={p2.uuid}").content.decode()
    shown = re.search(r'name="edit-shown" value="([^"]*)"', page).group(1)
    workflow.edit_participant(consented.coordinator, consented.session, p2.uuid,
                              workflow.ParticipantInput("M&E lead", consented.ministry.pk,
                                                        "senior", "", "Otieno Ouma"),
                              base_revision=p2.revision)
    mine = edit_data(consented, p2, gender="female") | {"edit-shown": html.unescape(shown)}
    refused = client.post(consent_url(consented), mine)  # only the gender was changed here
    assert refused.status_code == 409
    again = dict(re.findall(r'<input type="hidden" name="(edit-[^"]+)" value="([^"]*)"',
                            refused.content.decode()))
    role = re.search(r'name="edit-role_title"[^>]*value="([^"]*)"', refused.content.decode())
    assert html.unescape(role.group(1)) == "M&E lead"  # theirs, not the old role put back
    client.post(consent_url(consented), mine | {k: html.unescape(v) for k, v in again.items()}
                | {"edit-role_title": "M&E lead"})
    stored = Participant.objects.get(pk=p2.pk)
    assert (stored.role_title, stored.gender) == ("M&E lead", "female")
