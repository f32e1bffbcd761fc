"""POST /api/v1/petitions/batch: another system forwards many petitions in one request."""

import pytest
from django.utils import timezone

from minsheng import audit
from minsheng.api.tests.clients import bearer, intake_body, post_json
from minsheng.audit.models import AuditEvent
from minsheng.people.models import Person
from minsheng.petitions import services
from minsheng.petitions.models import Petition
from minsheng.petitions.services import Submission, intake, proposals, query_code_of
from minsheng.petitions.tests.conftest import LIGHTS, WAGES
from minsheng.testing import valid_intake

pytestmark = pytest.mark.django_db

URL = "/api/v1/petitions/batch"


def batch(*bodies, keys=None) -> dict:
    keys = keys or [f"hotline-{i}" for i in range(len(bodies))]
    return {"items": [{"idempotency_key": k, "petition": b} for k, b in zip(keys, bodies, strict=True)]}


def test_a_clerk_registers_a_batch_in_order_with_one_result_each(client, world, clerk):
    titles = ["楼道照明损坏", "小区噪音扰民", "道路积水"]
    response = post_json(client, URL, batch(*(intake_body(title=t) for t in titles)), headers=bearer(clerk))
    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["refused"]) == (3, 0)
    assert [r["status"] for r in body["results"]] == [201, 201, 201]
    numbers = [r["petition"]["number"] for r in body["results"]]
    assert len(set(numbers)) == 3
    for title, result in zip(titles, body["results"], strict=True):
        petition = Petition.objects.get(number=result["petition"]["number"])
        assert petition.title == title and petition.intake_unit == world.units["bureau"]
        assert query_code_of(petition) == result["petition"]["query_code"]
        assert result["error"] is None
    assert AuditEvent.objects.filter(action="petitions.petition.registered").count() == 3


def test_a_refused_item_says_why_and_does_not_stop_the_others(client, world, clerk):
    bad_id = intake_body(petitioner={**intake_body()["petitioner"], "id_number": "110101199003074470"})
    bodies = [intake_body(title="第一件"), intake_body(facts=" "), intake_body(region="000000"), bad_id]
    bodies.append(intake_body(title="最后一件"))
    body = post_json(client, URL, batch(*bodies), headers=bearer(clerk)).json()
    assert [r["status"] for r in body["results"]] == [201, 400, 400, 400, 201]
    assert (body["created"], body["refused"]) == (2, 3)
    facts, region, id_number = (r["error"] for r in body["results"][1:4])
    assert facts["errors"] == {"facts": "请填写事实。"} and facts["code"] == "invalid"
    assert "区划代码" in region["detail"] and set(region["errors"]) == {"region"}
    assert set(id_number["errors"]) == {"id_number"}
    assert all(r["petition"] is None for r in body["results"][1:4])
    assert sorted(Petition.objects.values_list("title", flat=True)) == ["最后一件", "第一件"]


def test_a_batch_sent_again_registers_nothing_twice(client, world, clerk):
    payload = batch(intake_body(title="甲"), intake_body(title="乙"))
    first = post_json(client, URL, payload, headers=bearer(clerk)).json()
    again = post_json(client, URL, payload, headers=bearer(clerk)).json()
    assert [r["status"] for r in again["results"]] == [200, 200]
    assert (again["created"], again["refused"]) == (0, 0)
    for a, b in zip(first["results"], again["results"], strict=True):
        assert (a["petition"]["number"], a["petition"]["query_code"]) == (
            b["petition"]["number"],
            b["petition"]["query_code"],
        )
        assert b["petition"]["created"] is False
    assert Petition.objects.count() == 2


def test_a_key_repeated_within_one_batch_registers_the_first_only(client, world, clerk):
    payload = batch(intake_body(title="甲"), intake_body(title="乙"), keys=["same", "same"])
    body = post_json(client, URL, payload, headers=bearer(clerk)).json()
    assert [r["status"] for r in body["results"]] == [201, 400]
    assert set(body["results"][1]["error"]["errors"]) == {"idempotency_key"}
    assert list(Petition.objects.values_list("title", flat=True)) == ["甲"]


def test_another_bureaus_key_is_refused_without_revealing_its_case(client, world, clerk):
    post_json(client, URL, batch(intake_body(), keys=["shared"]), headers=bearer(clerk))
    other = bearer(world.users["other_clerk"])
    body = post_json(client, URL, batch(intake_body(region="990103"), keys=["shared"]), headers=other).json()
    assert body["results"][0]["status"] == 409 and body["results"][0]["petition"] is None
    assert body["results"][0]["error"]["code"] == "conflict"
    assert Petition.objects.count() == 1


@pytest.mark.parametrize(
    "payload",
    [
        {"items": []},
        {"items": [{"petition": intake_body()}]},  # no key
        {"items": [{"idempotency_key": "", "petition": intake_body()}]},
        batch(*[intake_body()] * 101),
        batch(intake_body(), {"title": "缺少其余字段"}),  # a malformed item refuses the whole batch
    ],
    ids=["empty", "no-key", "empty-key", "over-100", "malformed-item"],
)
def test_a_malformed_batch_is_refused_whole_and_writes_nothing(client, world, clerk, payload):
    response = post_json(client, URL, payload, headers=bearer(clerk))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and response.json()["errors"]
    assert not Petition.objects.exists()


@pytest.mark.parametrize("persona", ["handler", "leader", "citizen"])
def test_only_a_bureau_clerk_may_send_a_batch(client, world, persona):
    response = post_json(client, URL, batch(intake_body()), headers=bearer(world.users[persona]))
    assert response.status_code == 403
    assert not Petition.objects.exists()


def test_each_item_gets_the_proposal_one_registration_would(client, world, clerk, routers):
    bodies = [intake_body(title=t, request=t, facts=t, reasons=t, category=None) for t in (LIGHTS, WAGES)]
    body = post_json(client, URL, batch(*bodies), headers=bearer(clerk)).json()
    cases = [Petition.objects.get(number=r["petition"]["number"]) for r in body["results"]]
    assert [c.suggested_unit for c in cases] == [world.units["housing"], world.units["labour"]]
    for case in cases:
        alone = proposals.routing_proposal(case.text, k=1)
        assert case.suggested_category == alone.categories[0].value
        assert case.category_confidence == pytest.approx(alone.categories[0].confidence)


def test_a_later_item_lists_an_earlier_one_of_the_same_batch_as_similar(client, world, clerk):
    facts = "东湖街道幸福小区3号楼楼道灯自去年12月起全部损坏，老人夜间上下楼多次摔倒，物业多次报修无果。"
    payload = batch(intake_body(facts=facts), intake_body(facts=facts + "盼复。"))
    body = post_json(client, URL, payload, headers=bearer(clerk)).json()
    first, second = (r["petition"] for r in body["results"])
    assert [s["number"] for s in second["similar"]] == [first["number"]]


def test_an_unexpected_failure_leaves_no_part_of_the_batch(world, clerk, monkeypatch):
    def disk_full(events):
        raise RuntimeError("disk full")

    unit = world.units["bureau"]
    submissions = [Submission(valid_intake(world), f"k{i}", unit) for i in range(3)]
    with monkeypatch.context() as patched:
        patched.setattr(audit, "record_many", disk_full)  # the last write of a batch
        with pytest.raises(RuntimeError):
            services.petitions_submit_batch(submissions=submissions, actor=clerk, now=timezone.now())
    assert not Petition.objects.exists() and not Person.objects.exists()
    # The numbers taken went back too: case numbers stay gap-free.
    again = services.petitions_submit_batch(submissions=submissions, actor=clerk, now=timezone.now())
    assert [r.petition.number[-6:] for r in again] == ["000001", "000002", "000003"]


def test_a_key_registered_by_another_request_meanwhile_answers_with_that_case(world, clerk, monkeypatch):
    unit = world.units["bureau"]
    submissions = [Submission(valid_intake(world, title=t), k, unit) for t, k in (("甲", "k1"), ("乙", "k2"))]
    routing = intake.routing_proposals

    def another_request_first(texts, k):  # runs after the batch looked for its keys, before it writes
        services.petition_submit(
            intake=valid_intake(world, title="别处"), actor=clerk, now=timezone.now(), idempotency_key="k1"
        )
        return routing(texts, k=k)

    monkeypatch.setattr(intake, "routing_proposals", another_request_first)
    first, second = services.petitions_submit_batch(submissions=submissions, actor=clerk, now=timezone.now())
    assert not first.created and first.petition.title == "别处"
    assert second.created and second.petition.title == "乙"
    assert Petition.objects.count() == 2


def test_one_person_in_several_petitions_of_a_batch_is_one_record(client, world, clerk):
    post_json(client, URL, batch(intake_body(title="早先")), headers=bearer(clerk))
    payload = batch(intake_body(title="甲"), intake_body(title="乙"), keys=["a", "b"])
    body = post_json(client, URL, payload, headers=bearer(clerk)).json()
    assert body["created"] == 2
    assert Person.objects.count() == 1
    assert set(Petition.objects.values_list("petitioner", flat=True)) == {Person.objects.get().pk}
