import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minsheng.textmine import router

ROOT = Path(__file__).resolve().parents[3]
REAL_DATA = ROOT.parent / "shared" / "data" / "tipdm2020" / "messages_train.csv"

# A small made-up corpus: three departments, a few phrasings each (raw text, segmented by jieba).
EXAMPLES = {
    "城乡建设": [
        "小区楼道照明长期损坏，物业不修",
        "安置房项目施工围墙占用人行道",
        "老旧小区改造工程拖延多年",
        "建筑工地夜间施工噪音扰民，要求规范施工",
        "小区电梯故障频发，物业维修不及时",
        "城中村道路破损，雨天积水严重",
    ],
    "劳动和社会保障": [
        "公司拖欠农民工工资半年",
        "单位未给职工缴纳社会保险",
        "退休人员养老金发放标准咨询",
        "工伤认定迟迟没有结果，要求劳动仲裁",
        "企业违法解除劳动合同不给补偿",
        "失业保险金申领手续繁琐",
    ],
    "教育文体": [
        "学校违规收取补课费用",
        "幼儿园入学名额分配不公平",
        "中学教师体罚学生",
        "义务教育阶段学区划分不合理",
        "培训机构卷款跑路，学费无法退还",
        "高中学校食堂饭菜质量差，学生意见大",
    ],
}


def write_csv(path, rows, header=("text", "label")):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def pairs():
    return [(text, label) for label, texts in EXAMPLES.items() for text in texts]


@pytest.fixture
def corpus(tmp_path):
    rows = pairs()
    train = write_csv(tmp_path / "train.csv", rows)
    test = write_csv(tmp_path / "test.csv", rows[::2])
    return train, test


def run_router(*args):
    out = __import__("io").StringIO()
    call_command("router", *args, stdout=out)
    return out.getvalue()


def test_it_evaluates_files_and_prints_one_json_line_with_the_baseline_beside_the_model(corpus):
    train, test = corpus
    output = run_router("evaluate", "--train", str(train), "--test", str(test))
    assert len(output.strip().splitlines()) == 1
    result = json.loads(output)
    fields = {"accuracy", "macro_f1", "n_train", "n_test", "train_seconds", "docs_per_second"}
    assert fields <= set(result)
    assert fields <= set(result["baseline"])
    assert result["n_train"] == 18 and result["n_test"] == 9
    assert 0 <= result["macro_f1"] <= 1 and result["docs_per_second"] > 0


def test_it_evaluates_one_file_with_a_stratified_held_out_split(tmp_path):
    data = write_csv(tmp_path / "all.csv", pairs() * 2)
    result = json.loads(run_router("evaluate", "--data", str(data), "--split", "0.25", "--seed", "3"))
    assert result["n_test"] == 9 and result["n_train"] == 27
    assert result["seed"] == 3


def test_it_refuses_a_missing_file_with_exit_code_2(tmp_path):
    with pytest.raises(CommandError) as e:
        run_router("evaluate", "--train", str(tmp_path / "nope.csv"), "--test", str(tmp_path / "nope.csv"))
    assert e.value.returncode == 2
    assert "nope.csv" in str(e.value)


def test_it_names_the_missing_column_and_the_columns_it_found(corpus):
    train, test = corpus
    with pytest.raises(CommandError) as e:
        run_router("evaluate", "--train", str(train), "--test", str(test), "--label-column", "一级标签")
    assert e.value.returncode == 2
    assert "一级标签" in str(e.value) and "text, label" in str(e.value)


def test_it_exits_with_code_2_and_a_message_on_stderr_from_the_shell(tmp_path):
    proc = subprocess.run(
        [sys.executable, "manage.py", "router", "evaluate", "--data", str(tmp_path / "missing.csv")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "missing.csv" in proc.stderr and proc.stdout == ""


def test_it_copes_with_empty_html_emoji_and_very_long_text(tmp_path):
    model, _scores = router.train(pairs())
    for text in ("", "<p>小区&nbsp;<b>电梯</b>坏了</p>", "😡😡 学校乱收费!!! ABC", "拖欠工资" * 25_000):
        suggestions = model.suggest(text)
        assert len(suggestions) == 3


def test_it_beats_the_baseline_on_the_published_messages():
    if not REAL_DATA.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{REAL_DATA} is missing on CI")
        pytest.skip(f"{REAL_DATA} not present (shared data folder is not checked out)")
    output = run_router(
        "evaluate", "--data", str(REAL_DATA), "--text-column", "tokens", "--label-column", "label",
        "--split", "0.2", "--seed", "0",
    )  # fmt: skip
    result = json.loads(output)
    assert result["n_test"] > 1500
    assert result["macro_f1"] > result["baseline"]["macro_f1"]


def test_suggest_confidences_cover_every_category_and_sum_to_one():
    model, _scores = router.train(pairs() * 2)
    suggestions = model.suggest("公司拖欠工资不给社保", k=len(model.labels))
    assert suggestions[0].label == "劳动和社会保障"
    assert [s.confidence for s in suggestions] == sorted((s.confidence for s in suggestions), reverse=True)
    assert sum(s.confidence for s in suggestions) == pytest.approx(1.0)
    assert model.pipeline.named_steps["clf"].temperature_ > 0


def test_a_router_trained_on_raw_text_routes_without_word_segmentation(monkeypatch):
    model, scores = router.train(pairs() * 2)
    assert scores["features"] == "characters"

    def no_jieba():
        raise AssertionError("jieba was called")

    monkeypatch.setattr("minsheng.textmine.segment._segmenter", no_jieba)
    assert model.predict(["学校乱收费，补课费太高", ""])[0] == "教育文体"
    assert model.suggest("小区电梯坏了")[0].label == "城乡建设"


def test_a_router_trained_on_segmented_text_uses_words_and_still_takes_raw_text():
    segmented = [(router.segment(text), label) for text, label in pairs() * 2]
    model, scores = router.train(segmented)
    assert scores["features"] == "words"
    assert model.predict(["公司拖欠农民工工资"]) == ["劳动和社会保障"]
    assert any(" " not in w and len(w) >= 2 for w in model.suggest("公司拖欠农民工工资")[0].top_words)


@pytest.mark.parametrize("words", [True, False])
def test_the_fast_features_equal_scikit_learns(words):
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    from minsheng.textmine import features

    prepare = router.segment if words else router.clean
    train = [prepare(text) for text, _label in pairs()]
    test = [*train[::3], "", " ", "😡😡 学校乱收费!!! ABC", "水 水 水", prepare("拖欠工资" * 300)]
    ours = features.TextFeatures(words=words).fit(train).transform(test)
    blocks = features.WORD_BLOCKS if words else features.CHAR_BLOCKS
    theirs = sparse.hstack(
        [
            TfidfVectorizer(analyzer=analyzer, sublinear_tf=True).fit(train).transform(test) * weight
            for _name, analyzer, _min_df, weight in blocks
        ]
    )
    assert abs(ours - theirs).max() < 1e-12
    # The one-text path that registration uses gives the same rows.
    fitted = features.TextFeatures(words=words).fit(train)
    for i, text in enumerate(test):
        columns, values = fitted.transform_one(text)
        row = theirs.tocsr()[i].toarray().ravel()
        assert np.allclose(row[columns], values) and np.isclose(np.abs(row).sum(), np.abs(values).sum())
