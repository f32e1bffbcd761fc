import io

import pytest
from django.core.management import call_command

from minsheng.accounts.models import User
from minsheng.petitions import selectors
from minsheng.petitions.fulltext import bigrams, text_rule, tsquery
from minsheng.petitions.models import Petition

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    call_command("generate_load", cases=600, stdout=io.StringIO())


def containing(word):
    return {p.number for p in Petition.objects.all() if word in f"{p.title}\n{p.request}\n{p.facts}"}


@pytest.mark.parametrize("word", ["电梯", "拖欠工资", "噪", "栋楼下烧烤店", "不存在的说法"])
def test_it_finds_exactly_the_cases_whose_text_contains_the_words(loaded, word):
    found = set(Petition.objects.filter(text_rule(word)).values_list("number", flat=True))
    assert found == containing(word)


def test_it_searches_the_queue_by_words_of_the_facts_too(loaded, client, now):
    clerk = User.objects.get(username="clerk")
    open_cases = selectors.queue(clerk, now=now)
    case = next(p for p in open_cases if len(p.facts) > 12)
    word = case.facts[4:10]  # words of the facts, wherever they are
    expected = containing(word) & set(open_cases.values_list("number", flat=True))
    client.force_login(clerk)
    page = client.get("/staff/", {"q": word}).content.decode()
    assert case.number in page and all(n in page for n in list(expected)[:50])


def test_it_writes_index_queries_that_a_user_cannot_break():
    assert bigrams("加装 电梯") == sorted({"加装", "装_", "_电", "电梯"})
    assert tsquery("'") == "'''':*"
    assert tsquery("a'b") == "'''b' & 'a'''"
