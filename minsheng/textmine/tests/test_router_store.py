"""Publishing and loading routers: versions, files, the newest one per target, training from the database."""

import json
from pathlib import Path

from minsheng.textmine import router_store
from minsheng.textmine.models import RouterModel
from minsheng.textmine.tests.test_router import EXAMPLES, pairs, run_router, write_csv


def test_it_suggests_three_categories_with_confidences_and_the_words_that_decided(tmp_path, settings, db):
    settings.DATA_DIR = tmp_path
    data = write_csv(tmp_path / "train.csv", pairs())
    run_router("train", "--from-csv", str(data))
    model = router_store.load_newest()
    suggestions = model.suggest("公司拖欠工资，也不缴纳社会保险", k=3)
    assert suggestions[0].label == "劳动和社会保障"
    assert len({s.label for s in suggestions}) == 3
    assert sum(s.confidence for s in suggestions) <= 1 + 1e-9
    assert suggestions[0].confidence > suggestions[1].confidence
    assert suggestions[0].top_words and any("工资" in w or "保险" in w for w in suggestions[0].top_words)


def test_it_trains_on_confirmed_routings_in_the_database(world, file_petition, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    for label, key in (("城乡建设", "housing"), ("劳动和社会保障", "labour")):
        for text in EXAMPLES[label]:
            file_petition(title=text[:20], request=text, facts=text, category=world.categories[key])
    file_petition(category=None)  # not routed yet: not training data
    output = json.loads(run_router("train"))
    row = RouterModel.objects.get()
    assert row.trained_on == 12 == output["trained_on"]
    assert sorted(row.labels) == ["劳动和社会保障", "城乡建设"]
    assert "cv_macro_f1" in row.scores
    assert Path(row.path).parent == tmp_path / "models" and Path(row.path).is_file()
    assert Path(row.path).name == f"router-category-{row.version}.joblib"
    suggestions = router_store.load_newest().suggest("单位拖欠工资")
    assert suggestions[0].label == "劳动和社会保障"


def test_it_keeps_every_version_and_loads_the_newest(tmp_path, settings, db):
    settings.DATA_DIR = tmp_path
    data = write_csv(tmp_path / "train.csv", pairs())
    run_router("train", "--from-csv", str(data))
    run_router("train", "--from-csv", str(data))
    versions = list(RouterModel.objects.values_list("version", flat=True))
    assert len(set(versions)) == 2
    assert router_store.load_newest().version == versions[0]


def test_it_has_no_model_before_the_first_training(db):
    assert router_store.load_newest() is None
