"""The near-duplicate index as the intake desk meets it: copies found, other letters not."""

import importlib
import json
import os
import random
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from minsheng.textmine import minhash, neardup, segment, sources
from minsheng.textmine.models import NearDupRecord

pytestmark = pytest.mark.django_db

D = "petitions"
ROAD = (
    "A3区大道西行便道，未管所路口至加油站路段，人行道包括路灯杆，被圈进建筑集团燕子山安置房项目施工围墙内。"
    "每天尤其上下班期间这条路上人流车流极多，行人只能走机动车道，安全隐患非常大。"
    "强烈请求有关部门尽快整改这个路段，恢复人行道通行，并在施工期间安排专人疏导交通。"
)
WAGES = (
    "我是A市某建筑公司的农民工，去年在滨江小区工地干了八个月，老板至今拖欠我们二十三人的工资共计四十多万元。"
    "我们多次找项目经理和公司讨要，对方一直推脱说开发商没有拨款。"
    "眼看就要过年，家里老人孩子都等着这笔钱，恳请劳动监察部门帮我们追回血汗钱。"
)
NOISE = (
    "我们小区旁边新开了一家烧烤店，每天营业到凌晨三点，食客喧哗吵闹，油烟直接排进居民楼。"
    "多次向物业和社区反映都没有结果，老人和孩子晚上根本无法入睡。"
    "希望环保和城管部门到现场查看，依法处理噪音和油烟扰民问题。"
)
SCHOOL = (
    "孩子今年九月该上小学，我家户口和房产都在学区内，但学校说今年名额已满，要求我们去五公里外的学校就读。"
    "请问教育局划片入学的规定是什么，学区内的适龄儿童是否有权就近入学，希望给予明确答复。"
)


def edited(text: str, share: float, seed: int = 0) -> str:
    """``text`` with ``share`` of its characters substituted, deleted or doubled at random places."""
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(max(1, round(len(chars) * share))):
        i = rng.randrange(len(chars))
        kind = rng.choice(("sub", "del", "ins"))
        if kind == "sub":
            chars[i] = rng.choice(
                "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
            )
        elif kind == "del":
            del chars[i]
        else:
            chars.insert(i, rng.choice("啊吧呢嘛"))
    return "".join(chars)


@pytest.fixture
def indexed():
    for record_id, text in ((1, ROAD), (2, WAGES), (3, NOISE), (4, SCHOOL)):
        neardup.index(D, record_id, text)


def ids(matches: list[neardup.Match]) -> list[int]:
    return [m.record_id for m in matches]


@pytest.mark.parametrize("seed", range(5))
def test_a_copy_with_a_few_edited_characters_is_found(indexed, seed):
    matches = neardup.similar(D, edited(WAGES, 0.02, seed))
    assert ids(matches) == [2]
    assert 0.8 < matches[0].similarity <= 1


def test_reordered_sentences_with_greeting_and_thanks_are_found(indexed):
    first, second, third = (s + "。" for s in ROAD.split("。")[:3])
    letter = "尊敬的领导您好！" + third + first + second + "谢谢！"
    matches = neardup.similar(D, letter)
    assert ids(matches) == [1]
    assert matches[0].similarity > 0.9


def test_a_copy_with_an_added_paragraph_still_counts_as_the_same(indexed):
    update = "补充说明：上周我们又去公司讨薪，被保安赶了出来，至今没有任何人给我们答复。"
    assert ids(neardup.similar(D, WAGES + update)) == [2]


def test_unrelated_letters_and_heavy_rewrites_are_not_matches(indexed):
    other = "本人反映A7县农村公路年久失修，雨天泥泞无法通行，村民出行和农产品运输十分困难，请求列入硬化计划。"
    assert neardup.similar(D, other) == []
    assert neardup.similar(D, edited(NOISE, 0.4, seed=1)) == []


def test_results_are_ranked_limited_and_exclusions_respected(indexed):
    neardup.index(D, 5, edited(WAGES, 0.05, seed=9))
    matches = neardup.similar(D, WAGES)
    assert ids(matches) == [2, 5]
    assert matches[0].similarity >= matches[1].similarity
    assert ids(neardup.similar(D, WAGES, limit=1)) == [2]
    assert ids(neardup.similar(D, WAGES, exclude=[2])) == [5]


def test_reindexing_replaces_and_remove_forgets(indexed):
    neardup.index(D, 2, SCHOOL)  # record 2 was edited into another matter
    assert ids(neardup.similar(D, WAGES)) == []
    assert ids(neardup.similar(D, SCHOOL)) == [2, 4]
    neardup.remove(D, 2)
    assert ids(neardup.similar(D, SCHOOL)) == [4]
    neardup.remove(D, 2)  # twice is harmless
    neardup.index(D, 4, "")  # an emptied record leaves the index
    assert neardup.similar(D, SCHOOL) == []


def test_similarity_to_given_records_without_a_threshold(indexed):
    scores = neardup.similarity_to(D, edited(NOISE, 0.2, seed=3), [3, 1, 99])
    assert set(scores) == {1, 3, 99}
    assert 0.3 < scores[3] < 0.9  # heavily edited: below the bar, well above unrelated letters
    assert scores[1] < 0.2 and scores[99] == 0.0
    assert neardup.similarity_to(D, "", [1]) == {1: 0.0}


def test_domains_do_not_mix(indexed):
    assert neardup.similar("hotline", WAGES) == []
    neardup.index("hotline", 2, NOISE)
    assert ids(neardup.similar("hotline", NOISE)) == [2]
    assert ids(neardup.similar(D, WAGES)) == [2]  # the petition with the same id is untouched
    assert neardup.similarity_to("hotline", WAGES, [2])[2] < 0.2


def test_the_index_survives_a_restart(indexed):
    before = neardup.similar(D, edited(ROAD, 0.02))
    segment._traditional_to_simplified.cache_clear()
    importlib.reload(minhash)  # module state rebuilt from scratch, as in a new process
    assert neardup.similar(D, edited(ROAD, 0.02)) == before != []


def test_signatures_do_not_depend_on_the_process(indexed):
    # Python's str hash changes every run; a signature computed by another process must match the
    # one stored, or the index would be useless after a restart.
    code = (
        "import sys; from minsheng.textmine.minhash import sketch; print(sketch(sys.argv[1]).signature.hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "DJANGO_SETTINGS_MODULE": "config.settings"}
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run(
        [sys.executable, "-c", code, WAGES], env=env, cwd=root, capture_output=True, text=True
    )
    stored = NearDupRecord.objects.get(domain=D, record_id=2).signature
    assert out.stdout.strip() == bytes(stored).hex()


def test_traditional_characters_and_html_match_the_plain_simplified_original(indexed):
    traditional = (
        "我是A市某建築公司的農民工，去年在濱江小區工地幹了八個月，老闆至今拖欠我們二十三人的工資共計四十多萬元。"
        "我們多次找項目經理和公司討要，對方一直推脫說開發商沒有撥款。"
        "眼看就要過年，家裡老人孩子都等著這筆錢，懇請勞動監察部門幫我們追回血汗錢。"
    )
    assert ids(neardup.similar(D, traditional)) == [2]
    assert ids(neardup.similar(D, f"<p>{NOISE[:60]}</p><p>{NOISE[60:]}&nbsp;</p>")) == [3]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "。。。！！",
        "😀😀😀🙏",
        "<b></b>",
        "a" * 100_000,
        WAGES * 250,
        "Ünïcödé mixed 混合 text 🚗 123",
    ],
)
def test_odd_inputs_do_not_crash(indexed, text):
    neardup.index(D, 50, text)
    neardup.similar(D, text)
    neardup.similarity_to(D, text, [1, 50])
    neardup.remove(D, 50)


def test_very_short_texts_match_only_when_identical():
    neardup.index(D, 1, "拖欠工资")
    neardup.index(D, 2, "拖欠工资！")
    neardup.index(D, 3, "拖欠工程款")
    assert ids(neardup.similar(D, "拖欠工资。")) == [1, 2]
    assert neardup.similar(D, WAGES) == []  # a long letter is not "the same" as its four-word gist
    assert neardup.similarity_to(D, "拖欠工资", [1, 3]) == {1: 1.0, 3: 0.0}


def test_rebuild_replaces_only_its_domain(indexed):
    neardup.index("hotline", 7, ROAD)
    count = neardup.rebuild(D, [(10, NOISE), (11, ""), (12, WAGES)], batch=2)
    assert count == 2
    assert ids(neardup.similar(D, WAGES)) == [12]
    assert neardup.similar(D, ROAD) == []
    assert ids(neardup.similar("hotline", ROAD)) == [7]
    neardup.rebuild("hotline", [])
    assert neardup.similar("hotline", ROAD) == []
    assert ids(neardup.similar(D, NOISE)) == [10]


def test_index_changes_only_when_the_record_commits(indexed):
    with pytest.raises(RuntimeError), transaction.atomic():
        neardup.index(D, 9, ROAD + "再次反映。")
        raise RuntimeError("the record's save failed")
    assert ids(neardup.similar(D, ROAD)) == [1]


@pytest.fixture
def letters_source(monkeypatch):
    source = sources.Source(
        domain="letters", texts=lambda: iter([(1, ROAD), (2, WAGES), (3, "")]), routings=lambda target: []
    )
    monkeypatch.setitem(sources._sources, "letters", source)


def test_command_rebuilds_a_domain_and_reports_stats(letters_source):
    out = StringIO()
    call_command("neardup", "rebuild", "--domain", "letters", stdout=out)
    assert json.loads(out.getvalue()) == {"domain": "letters", "indexed": 2}
    assert ids(neardup.similar("letters", edited(ROAD, 0.02))) == [1]
    out = StringIO()
    call_command("neardup", "stats", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    letters = next(line for line in lines if line["domain"] == "letters")
    assert letters["records"] == 2
    assert letters["bytes_per_record"] is None or 0 < letters["bytes_per_record"]


def test_command_refuses_an_unknown_domain_clearly(letters_source):
    with pytest.raises(CommandError, match="未知业务：nosuch") as refused:
        call_command("neardup", "rebuild", "--domain", "nosuch")
    assert refused.value.returncode == 2
