"""Hot-issue discovery: grouping, heat order, naming, periods, bad input, and the evaluate command."""

import json
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minsheng.textmine.hotspots import Message, extract_places, find_issues, heat_score
from minsheng.textmine.management.commands.hotspots import parse_when

ROOT = Path(__file__).resolve().parents[3]
REAL_DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "hot_messages.csv"
T0 = datetime(2019, 11, 1, 9, 0)

MIXER = [
    "A2区丽发新城小区附近修建搅拌站，噪音灰尘污染严重\n搅拌站日夜施工，粉尘飞扬，居民无法开窗。",
    "投诉A2区丽发新城附近的混凝土搅拌站扰民\n搅拌站噪音大，灰尘多，严重影响丽发新城居民生活。",
    "丽发新城小区旁边建搅拌厂严重扰民\n小区旁的搅拌站粉尘污染、噪音扰民，请求取缔。",
    "A2区丽发新城社区搅拌站灰尘噪音污染严重\n搅拌站距离小区不到百米，灰尘噪音污染，孩子咳嗽。",
    "请取缔丽发新城附近的违法搅拌站\n违法搅拌站晚上也在作业，噪音和粉尘让丽发新城业主苦不堪言。",
]
PARKING = [
    "投诉A市伊景园滨河苑捆绑销售车位\n开发商要求购房必须同时购买车位，否则不能买房。",
    "A市伊景园滨河苑项目捆绑销售车位\n伊景园滨河苑强制捆绑车位销售，侵害购房者权益。",
    "伊景园滨河苑强行捆绑车位销售给职工\n职工购房被要求捆绑购买车位十几万元。",
    "坚决反对伊景园滨河苑强制捆绑销售车位\n车位捆绑销售违法，请求有关部门制止。",
]
SCHOOL = [
    "A3区郝家坪小学何时改扩建\n学校学位紧张，班额过大，希望尽快改扩建郝家坪小学。",
    "A3区郝家坪小学什么时候能改扩建\n郝家坪小学的改扩建工程一直没有动工，家长很着急。",
    "A3区郝家坪小学何时扩建\n郝家坪小学扩建规划公示很久了，何时开工？",
]


def _messages(texts, *, start=T0, prefix="m", step_hours=20, authors=None, likes=0):
    return [
        Message(
            id=f"{prefix}{k}",
            text=text,
            at=start + timedelta(hours=step_hours * k),
            author=authors[k] if authors else f"{prefix}-person-{k}",
            likes=likes,
        )
        for k, text in enumerate(texts)
    ]


def _corpus():
    return (
        _messages(MIXER, prefix="mix")
        + _messages(PARKING, prefix="park", start=T0 + timedelta(days=1))
        + _messages(SCHOOL, prefix="school", start=T0 + timedelta(days=2))
    )


def _issue_of(issues, message_id):
    return next(issue for issue in issues if message_id in issue.message_ids)


def test_paraphrases_of_one_matter_are_one_issue_and_other_matters_are_apart():
    issues = find_issues(_corpus())
    mixer = _issue_of(issues, "mix0")
    parking = _issue_of(issues, "park0")
    school = _issue_of(issues, "school0")
    assert set(mixer.message_ids) == {f"mix{k}" for k in range(len(MIXER))}
    assert set(parking.message_ids) == {f"park{k}" for k in range(len(PARKING))}
    assert set(school.message_ids) == {f"school{k}" for k in range(len(SCHOOL))}


def test_an_issue_is_named_by_its_key_words_place_and_span():
    issues = find_issues(_corpus())
    mixer = _issue_of(issues, "mix0")
    assert "搅拌站" in mixer.keywords
    assert "丽发新城" in mixer.place
    assert "A2区" in mixer.place
    assert mixer.start == T0
    assert mixer.end == T0 + timedelta(hours=20 * (len(MIXER) - 1))
    assert "丽发新城" in mixer.name and "搅拌站" in mixer.name
    parking = _issue_of(issues, "park0")
    assert "伊景园滨河苑" in parking.place
    assert {"捆绑", "车位"} <= set(parking.keywords) or "捆绑" in "".join(parking.keywords)


def test_the_same_complaint_about_two_estates_is_two_issues():
    one = [f"A2区丽发新城小区附近搅拌站噪音扰民{k}\n丽发新城搅拌站粉尘噪音严重。" for k in range(3)]
    two = [f"A5区魅力之城小区附近搅拌站噪音扰民{k}\n魅力之城搅拌站粉尘噪音严重。" for k in range(3)]
    issues = find_issues(_messages(one, prefix="a") + _messages(two, prefix="b"))
    assert _issue_of(issues, "a0") is not _issue_of(issues, "b0")


def test_heat_follows_the_documented_score():
    assert heat_score(messages=5, people=5, likes=0, growth=0) > heat_score(
        messages=5, people=1, likes=0, growth=0
    )
    assert heat_score(messages=5, people=2, likes=50, growth=0) > heat_score(
        messages=5, people=2, likes=0, growth=0
    )
    assert heat_score(messages=5, people=2, likes=0, growth=1) > heat_score(
        messages=5, people=2, likes=0, growth=0
    )
    assert heat_score(messages=5, people=2, likes=0, growth=-1) == heat_score(
        messages=5, people=2, likes=0, growth=0
    )


def test_more_people_more_likes_and_recent_growth_rank_higher():
    one_person = _messages(MIXER, prefix="mix", authors=["same"] * len(MIXER))
    many_people = _messages(PARKING + PARKING[:1], prefix="park")
    issues = find_issues(one_person + many_people)
    assert issues[0].message_ids[0].startswith("park")
    assert issues[0].people == 5 and issues[1].people == 1

    liked = _messages(SCHOOL, prefix="school", likes=100)
    plain = _messages(PARKING[:3], prefix="park")
    assert find_issues(liked + plain)[0].message_ids[0].startswith("school")

    now = T0 + timedelta(days=40)
    old = _messages(SCHOOL, prefix="school", start=now - timedelta(days=30))
    recent = _messages(PARKING[:3], prefix="park", start=now - timedelta(days=2))
    issues = find_issues(old + recent, now=now)
    assert issues[0].message_ids[0].startswith("park")
    assert issues[0].growth > 0 and issues[1].growth == 0


def test_the_period_filter_keeps_only_messages_in_it_and_the_trend_covers_it():
    messages = _corpus() + _messages(MIXER, prefix="old", start=T0 - timedelta(days=200))
    since, until = date(2019, 10, 25), date(2019, 11, 30)
    issues = find_issues(messages, since=since, until=until)
    ids = {i for issue in issues for i in issue.message_ids}
    assert not any(i.startswith("old") for i in ids)
    mixer = _issue_of(issues, "mix0")
    assert mixer.trend[0][0] == since and mixer.trend[-1][0] == until
    assert sum(count for _day, count in mixer.trend) == len(MIXER)
    assert find_issues(messages, since=date(2030, 1, 1)) == []


def test_a_long_period_is_counted_per_week():
    issues = find_issues(_corpus(), since=date(2019, 1, 1), until=date(2019, 12, 31))
    days = [d for d, _count in issues[0].trend]
    assert all((b - a).days == 7 for a, b in pairwise(days))


def test_top_and_area_limit_the_answer():
    assert len(find_issues(_corpus(), top=1)) == 1
    issues = find_issues(_corpus(), area="A3区")
    assert [set(i.message_ids) for i in issues] == [{f"school{k}" for k in range(len(SCHOOL))}]


def test_mixed_naive_and_aware_times_do_not_crash():
    from minsheng.core.periods import CHINA

    aware = [
        Message(id=f"z{k}", text=t, at=(T0 + timedelta(hours=k)).replace(tzinfo=CHINA))
        for k, t in enumerate(SCHOOL)
    ]
    issues = find_issues(_messages(MIXER) + aware, now=datetime(2019, 11, 10, tzinfo=CHINA))
    assert len(issues) == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "噪" * 100_000,
        "😀😡🔥 搅拌站 😀" * 50,
        "麗發新城小區附近攪拌站噪音擾民\n攪拌站粉塵污染嚴重",
        "<script>alert(1)</script><b>丽发新城</b> &lt;搅拌站&gt;",
        "Mixed 文字 with English and 数字 12345 — ünïcödé",
        "\x00\x01\n\n\n",
    ],
)
def test_bad_input_does_not_crash(text):
    messages = [Message(id=k, text=text, at=T0 + timedelta(minutes=k)) for k in range(3)]
    issues = find_issues(messages + _messages(MIXER[:2], prefix="x"))
    assert isinstance(issues, list)


def test_traditional_characters_join_their_simplified_paraphrases():
    traditional = Message(
        id="t", text="麗發新城小區附近攪拌站噪音擾民\n攪拌站粉塵污染嚴重", at=T0, author="t"
    )
    issues = find_issues([traditional, *_messages(MIXER, start=T0 + timedelta(hours=1))])
    assert "t" in _issue_of(issues, "m0").message_ids


def test_no_messages_and_odd_values_give_no_issues():
    assert find_issues([]) == []
    odd = [Message(id=1, text=None, at=T0, likes=None), Message(id=2, text="x", at=T0, likes="many")]
    assert find_issues(odd, min_messages=1) is not None


def test_places_are_found_by_the_documented_rules():
    areas, named = extract_places(
        "我住在A市A5区劳动东路魅力之城小区，暮云街道丽发新城附近，还有配套幼儿园和区人民政府"
    )
    assert areas == ["A市", "A5区"]
    assert "魅力之城小区" in named and "劳动东路" in named and "丽发新城" in named and "暮云街道" in named
    assert not any("幼儿园" in n or "政府" in n for n in named)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019/2/28 11:25:05", datetime(2019, 2, 28, 11, 25, 5)),
        ("2019-07-11 00:00:00", datetime(2019, 7, 11)),
        ("2019/4/28 9:02:51", datetime(2019, 4, 28, 9, 2, 51)),
        ("2019/13/1", None),
        ("", None),
    ],
)
def test_the_published_date_formats_are_read(value, expected):
    assert parse_when(value) == expected


def _write_csv(path, rows, header="留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数"):
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_the_evaluate_command_prints_json_lines(tmp_path, capsys):
    rows = [
        f'{k},u{k},"{t.split(chr(10))[0]}",2019/11/{k + 1} 10:00:00,"{t.split(chr(10))[1]}",0,{k}'
        for k, t in enumerate(MIXER)
    ]
    rows.append("99,u99,无关的留言,bad date,内容,0,0")
    path = _write_csv(tmp_path / "m.csv", rows)
    call_command("hotspots", "evaluate", "--csv", str(path), "--top", "3")
    out = capsys.readouterr()
    lines = [json.loads(line) for line in out.out.splitlines()]
    assert lines[0]["rank"] == 1 and lines[0]["messages"] == len(MIXER) and lines[0]["people"] == len(MIXER)
    assert "搅拌站" in lines[0]["keywords"] and "丽发新城" in lines[0]["place"]
    assert lines[0]["sample_titles"][0].startswith("A2区丽发新城")
    assert "1" in out.err  # one row skipped for its date


def test_the_evaluate_command_refuses_a_bad_file_with_exit_code_2(tmp_path):
    with pytest.raises(CommandError) as missing:
        call_command("hotspots", "evaluate", "--csv", str(tmp_path / "nope.csv"))
    assert missing.value.returncode == 2
    path = _write_csv(tmp_path / "cols.csv", ["1,2"], header="id,text")
    with pytest.raises(CommandError) as columns:
        call_command("hotspots", "evaluate", "--csv", str(path))
    assert columns.value.returncode == 2 and "留言主题" in str(columns.value)
    with pytest.raises(CommandError) as day:
        call_command("hotspots", "evaluate", "--csv", str(path), "--since", "yesterday")
    assert day.value.returncode == 2


@pytest.mark.skipif(not REAL_DATA.is_file(), reason="the 2020 messages are not in this checkout")
def test_the_2020_messages_give_the_known_hot_issues(capsys):
    call_command("hotspots", "evaluate", "--csv", str(REAL_DATA), "--top", "5")
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    places = " ".join(line["place"] for line in lines)
    assert "丽发新城" in places and "伊景园滨河苑" in places
    assert all(line["messages"] >= 5 for line in lines)
