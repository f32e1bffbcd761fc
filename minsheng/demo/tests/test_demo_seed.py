import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from minsheng.accounts.models import ApiToken, User
from minsheng.audit.chain import verify
from minsheng.audit.models import AuditEvent
from minsheng.demo import invent
from minsheng.orgs.models import Region
from minsheng.people.validators import check_id_number
from minsheng.petitions.models import Petition, Supervision
from minsheng.petitions.services import query_code_of
from minsheng.petitions.workflow import Channel, Kind, S
from minsheng.testing import password_login

pytestmark = pytest.mark.django_db


def seed() -> str:
    out = io.StringIO()
    call_command("demo_seed", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Petition, AuditEvent, User, Region, ApiToken, Supervision)
    return {m.__name__: m.objects.count() for m in models}


@pytest.fixture
def data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return tmp_path


def test_it_seeds_every_state_with_working_logins_and_a_second_run_creates_nothing(data_dir):
    first = seed()

    states = set(Petition.objects.values_list("status", flat=True))
    assert states == set(S.values)
    assert set(Petition.objects.values_list("channel", flat=True)) == set(Channel.values)
    assert set(Petition.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert Petition.objects.filter(kind=Kind.REPORT, is_anonymous=True).exclude(accused_unit=None).exists()
    assert Petition.objects.filter(is_collective=True, representatives__isnull=False).exists()
    assert Petition.objects.exclude(repeat_of=None).exists()
    assert Supervision.objects.exists()
    assert 250 <= Petition.objects.count() <= 350
    assert verify().ok
    # The hotline's batch: three registered, the one without facts refused.
    assert "12345热线转来4件，登记3件" in first
    assert Petition.objects.filter(idempotency_key__startswith="12345-demo-").count() == 3

    password = (data_dir / "demo_password.txt").read_text().strip()
    assert password in first
    for username in ("clerk", "handler", "head", "leader", "city", "province", "admin", "citizen"):
        assert f"  {username} " in first
        assert password_login(Client(), username, password), username
    assert User.objects.get(username="admin").is_superuser
    # The case printed for the portal's tracking page: its number and query code match.
    case = Petition.objects.get(number=first.split("信访件编号 ")[1].split()[0])
    assert query_code_of(case) in first
    assert case.status == S.ANSWERED and case.account.username == "citizen"
    before = counts()

    again = seed()

    assert counts() == before
    assert "演示数据已存在" in again
    assert password in again
    assert "ms_" not in again  # the token is shown on the first run only


def test_it_resets_the_demo_password_when_its_file_is_lost(data_dir):
    seed()
    (data_dir / "demo_password.txt").unlink()

    out = seed()

    password = (data_dir / "demo_password.txt").read_text().strip()
    assert password in out
    assert password_login(Client(), "clerk", password)


def test_it_invents_id_numbers_with_valid_check_digits():
    import random

    rng = random.Random(7)
    for _ in range(200):
        number = invent.id_number(rng)
        assert check_id_number(number) == number


def test_it_gives_the_benchmark_a_clerk_token_that_authenticates():
    out = io.StringIO()
    call_command("bench_world", stdout=out)
    world = json.loads(out.getvalue())

    token = ApiToken.objects.get(key_hash=ApiToken.hash_key(world["token"]))
    assert token.user.memberships.get().unit.region.code == world["region"]
