import csv
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minsheng.core.periods import CHINA
from minsheng.textmine.management.commands.replies import parse_date
from minsheng.textmine.replies import score_reply

ROOT = Path(__file__).resolve().parents[3]
REAL_DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "replies.csv"

MESSAGE = (
    "小区楼下烧烤店油烟扰民。我家住在幸福小区3栋，楼下烧烤店每天晚上油烟很大，噪音持续到凌晨两点。"
    "希望有关部门责令烧烤店安装油烟净化设备。能否限制烧烤店的营业时间？"
)
COMPLETE = (
    "经核查，幸福小区3栋楼下烧烤店未安装油烟净化设备，夜间经营噪音超标。依据《中华人民共和国大气污染"
    "防治法》第八十一条，区城管局已责令该店于4月30日前安装油烟净化设备，并将营业时间限制在晚上十点前，"
    "逾期未整改将依法处罚。如有疑问，请拨打联系电话0731-8888-1234。"
)
BOILERPLATE = "网友：您好！您的留言已收悉，感谢您对我们工作的关心和支持。2026年3月10日"
ASKED = datetime(2026, 3, 1, 9, 0, tzinfo=CHINA)


def missing(score):
    return {c.key for c in score.missing}


def test_it_gives_a_complete_reply_full_marks():
    score = score_reply(MESSAGE, COMPLETE, asked_at=ASKED, answered_at=ASKED + timedelta(days=9))
    assert score.total >= 90
    assert missing(score) == set()
    assert len(score.requests) == 2


def test_it_names_the_elements_a_bare_reply_lacks():
    score = score_reply(MESSAGE, "经调查，该店油烟问题属实，我们会加强管理。")
    assert {"basis", "action", "contact", "request:2"} <= missing(score)
    assert "request:1" not in missing(score)  # 油烟 is mentioned
    assert score.completeness == 0.5
    assert score.total < score_reply(MESSAGE, COMPLETE).total


def test_it_tells_which_words_of_an_unanswered_request_are_missing():
    score = score_reply(MESSAGE, "经调查，该店油烟问题属实，我们会加强管理。")
    request = next(c for c in score.checks if c.key == "request:2")
    assert "营业" in request.label
    assert "营业" in request.hint


def test_it_scores_a_receipt_formula_as_boilerplate():
    score = score_reply(MESSAGE, BOILERPLATE)
    assert "substance" in missing(score)
    assert score.relevance == score.completeness == score.interpretability == 0
    assert score.total <= 15


def test_it_scores_an_empty_reply_zero():
    score = score_reply(MESSAGE, "   ")
    assert score.total == 0
    assert missing(score) == {"substance"}


def test_it_finds_no_basis_in_a_web_column_name():
    reply = "您在《问政西地省》反映的油烟问题，区城管局已责令该烧烤店安装油烟净化设备。"
    assert "basis" in missing(score_reply(MESSAGE, reply))


def test_it_does_not_take_the_reply_formula_for_an_action():
    reply = "您反映的烧烤店油烟问题，现将有关情况回复如下：该店营业时间较长。"
    assert "action" in missing(score_reply(MESSAGE, reply))


def test_an_unrelated_reply_is_not_relevant():
    reply = "经核查，您反映的养老保险转移接续问题，依据《社会保险法》第十九条，已为您办理转移手续。"
    score = score_reply(MESSAGE, reply)
    assert "relevance" in missing(score)
    assert score.relevance < 0.5


@pytest.mark.parametrize(
    ("days", "expected"),
    [(3, 1.0), (15, 1.0), (37.5, 0.5), (60, 0.0), (200, 0.0)],
)
def test_it_rates_timeliness_against_the_statutory_sixty_days(days, expected):
    score = score_reply(MESSAGE, COMPLETE, asked_at=ASKED, answered_at=ASKED + timedelta(days=days))
    assert score.timeliness == pytest.approx(expected)


def test_it_rates_a_late_answer_zero_against_its_due_date():
    due = ASKED + timedelta(days=60)
    on_time = score_reply(MESSAGE, COMPLETE, asked_at=ASKED, answered_at=due - timedelta(hours=1), due_at=due)
    late = score_reply(MESSAGE, COMPLETE, asked_at=ASKED, answered_at=due + timedelta(days=2), due_at=due)
    assert on_time.timeliness == 1.0
    assert late.timeliness == 0.0
    assert "timeliness" in missing(late)
    assert "2" in next(c.hint for c in late.checks if c.key == "timeliness")


def test_without_dates_timeliness_is_left_out_of_the_total():
    undated = score_reply(MESSAGE, COMPLETE)
    assert undated.timeliness == 1.0
    assert "timeliness" not in {c.key for c in undated.checks}
    assert undated.total == score_reply(MESSAGE, COMPLETE, asked_at=ASKED, answered_at=ASKED).total


def test_it_compares_naive_and_aware_dates():
    score = score_reply(MESSAGE, COMPLETE, asked_at=datetime(2026, 1, 1), answered_at=ASKED)
    assert 0 < score.timeliness < 1


def test_traditional_characters_and_html_match_simplified_text():
    simplified = score_reply(MESSAGE, COMPLETE)
    traditional = score_reply(
        "<p>小區樓下燒烤店油煙擾民。希望有關部門責令燒烤店安裝油煙淨化設備。能否限制燒烤店的營業時間？</p>",
        COMPLETE,
    )
    assert "request:1" not in missing(traditional)
    assert traditional.total >= simplified.total - 10


@pytest.mark.parametrize(
    ("message", "reply"),
    [
        ("", ""),
        ("", COMPLETE),
        ("😀" * 1000, "😀"),
        ("投诉" * 50_000, "已收悉" * 30_000),
        ("<script>alert(1)</script>", "<b>&amp;</b>"),
        ("Hello, why is the road broken?", "We will repair it."),
        (MESSAGE, "\x00\ufffd𠮷" * 10),
    ],
)
def test_it_never_crashes_on_bad_input(message, reply):
    score = score_reply(message, reply)
    assert 0 <= score.total <= 100
    for value in (score.relevance, score.completeness, score.timeliness, score.interpretability):
        assert 0 <= value <= 1


def test_a_message_without_words_is_not_held_against_the_reply():
    score = score_reply("😀" * 100, COMPLETE)
    assert score.requests == []
    assert score.relevance == score.completeness == 1.0
    assert not {"relevance", "request:1"} & missing(score)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019/4/25 9:32:09", datetime(2019, 4, 25, 9, 32, 9)),
        ("2019-05-10 14:56:53", datetime(2019, 5, 10, 14, 56, 53)),
        ("2019/4/5", datetime(2019, 4, 5)),
        ("2019年5月9日", datetime(2019, 5, 9)),
        ("2019/13/45", None),
        ("", None),
    ],
)
def test_it_reads_the_mixed_date_formats_of_the_data(text, expected):
    assert parse_date(text) == expected


def write_csv(path, rows, header=("留言编号", "留言主题", "留言详情", "留言时间", "答复意见", "答复时间")):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def small_csv(tmp_path):
    return write_csv(
        tmp_path / "replies.csv",
        [
            ("1", "烧烤店油烟扰民", MESSAGE, "2026/3/1 9:00:00", COMPLETE, "2026/3/9 10:00:00"),
            ("2", "路灯不亮", "小区路灯坏了三个月，希望尽快修复路灯。", "2026-03-01 09:00:00", "已收悉",
             "2026/5/30"),
            ("3", "学校收费", "学校违规收取补课费，能否退还补课费？", "2026/3/1", BOILERPLATE, "2026/3/20"),
        ],
    )  # fmt: skip


def test_calibrate_prints_the_distribution_as_one_json_line(tmp_path, capsys):
    call_command("replies", "calibrate", "--csv", str(small_csv(tmp_path)))
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert result["count"] == 3
    assert sum(result["histogram"].values()) == 3
    assert result["missing_share"]["substance"] == pytest.approx(2 / 3, abs=0.001)
    assert set(result["total"]) == {"mean", "median", "p10", "p90"}
    assert 0 <= result["relevance_auc"]["auc"] <= 1


def test_score_prints_one_reply(capsys):
    call_command("replies", "score", "--message", MESSAGE, "--reply", "已收悉")
    result = json.loads(capsys.readouterr().out)
    assert "substance" in result["missing"]


def test_score_reads_the_first_rows_of_a_file(tmp_path, capsys):
    call_command("replies", "score", "--csv", str(small_csv(tmp_path)), "--limit", "2")
    lines = [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]
    assert [line["id"] for line in lines] == ["1", "2"]
    assert lines[0]["total"] > lines[1]["total"]


def test_it_exits_with_2_for_a_missing_file_or_columns(tmp_path):
    with pytest.raises(CommandError, match="找不到文件") as missing_file:
        call_command("replies", "calibrate", "--csv", str(tmp_path / "nope.csv"))
    assert missing_file.value.returncode == 2
    bad = write_csv(tmp_path / "bad.csv", [("x", "y")], header=("text", "label"))
    with pytest.raises(CommandError, match="缺少列") as missing_columns:
        call_command("replies", "calibrate", "--csv", str(bad))
    assert missing_columns.value.returncode == 2


@pytest.mark.skipif(not REAL_DATA.exists(), reason="the 2020 data is not checked out next to the repo")
def test_real_replies_score_higher_than_shuffled_ones():
    with REAL_DATA.open(encoding="utf-8-sig", newline="") as f:
        rows = [row for _, row in zip(range(120), csv.DictReader(f), strict=False)]
    messages = [f"{r['留言主题']}。{r['留言详情']}" for r in rows]
    answers = [r["答复意见"] for r in rows]
    real = [score_reply(m, a).total for m, a in zip(messages, answers, strict=True)]
    shuffled = [score_reply(m, a).total for m, a in zip(messages, answers[1:] + answers[:1], strict=True)]
    assert sum(real) / len(real) > sum(shuffled) / len(shuffled) + 20
