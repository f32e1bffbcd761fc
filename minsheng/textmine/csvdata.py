"""Reading (text, label) pairs from a UTF-8 CSV file with a header row, with clear errors."""

import csv
import random
import sys
from pathlib import Path

from django.utils.translation import gettext as _

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # long petitions are single fields


class DataError(Exception):
    """The file cannot be used; the message says why."""


def read_rows(path, columns) -> list[dict[str, str]]:
    """Every row of ``path`` as a dict; DataError for a missing file, a missing column, a file that is
    not UTF-8 CSV, or no rows."""
    path = Path(path)
    if not path.is_file():
        raise DataError(_("找不到文件：%(path)s") % {"path": path})
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise DataError(
                    _("文件 %(path)s 缺少列：%(missing)s（现有列：%(header)s）")
                    % {"path": path, "missing": ", ".join(missing), "header": ", ".join(header)}
                )
            rows = list(reader)
    except UnicodeDecodeError as e:
        raise DataError(_("文件 %(path)s 不是 UTF-8 编码：%(error)s") % {"path": path, "error": e}) from e
    except csv.Error as e:
        raise DataError(_("文件 %(path)s 不是有效的 CSV：%(error)s") % {"path": path, "error": e}) from e
    if not rows:
        raise DataError(_("文件 %(path)s 没有数据行") % {"path": path})
    return rows


def read_pairs(path, text_column: str, label_column: str) -> list[tuple[str, str]]:
    """(text, label) of every row of ``path``; DataError for a missing file or column."""
    rows = read_rows(path, (text_column, label_column))
    return [(row[text_column] or "", row[label_column] or "") for row in rows]


def stratified_split(pairs, test_fraction: float, seed: int):
    """Split pairs into (train, test), keeping each label's share; fixed by ``seed``."""
    if not 0 < test_fraction < 1:
        raise DataError(_("--split 必须在 0 和 1 之间"))
    by_label: dict[str, list] = {}
    for pair in pairs:
        by_label.setdefault(pair[1], []).append(pair)
    rng = random.Random(seed)
    train, test = [], []
    for label in sorted(by_label):
        group = by_label[label]
        rng.shuffle(group)
        n_test = round(len(group) * test_fraction) if len(group) > 1 else 0
        test.extend(group[:n_test])
        train.extend(group[n_test:])
    return train, test
